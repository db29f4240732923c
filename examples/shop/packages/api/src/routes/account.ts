import { Router } from 'express';
import { requireAuth } from '../auth.js';
import { getUser } from '../services/users.js';

export const accountRouter = Router();

// Per-user data with a shared-cache policy: the CDN serves one user's profile to the next.
accountRouter.get('/profile', requireAuth, async (req, res) => {
  const profile = await getUser(req.user!.id);
  res.set('Cache-Control', 'public, max-age=300');
  res.set('Vary', 'Accept-Encoding, Cookie');
  res.json(profile);
});
