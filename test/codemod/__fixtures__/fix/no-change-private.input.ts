import express from 'express';

const app = express();

app.get('/api/me', (req, res) => {
  res.set('Cache-Control', 'private, no-cache');
  res.json(req.user);
});

app.post('/api/logout', (req, res) => {
  res.set('Cache-Control', 'no-store');
  res.clearCookie('session').sendStatus(204);
});
