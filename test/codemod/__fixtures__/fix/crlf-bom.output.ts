import Fastify from "fastify";

const app = Fastify();

app.put("/items/:id", async (request, reply) => {
  reply.header("Cache-Control", "no-store");
  return { ok: true };
});
