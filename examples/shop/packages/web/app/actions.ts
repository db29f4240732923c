'use server';

import { prisma } from './db';

// Writes the wishlist but never revalidates the page that shows it.
export async function addToWishlist(userId: string, productId: string) {
  await prisma.wishlistItem.create({ data: { userId, productId } });
}
