'use strict';

const { LRUCache: LRU } = require('lru-cache');
const { fetchProfile } = require('./profile-service');

const PROFILE_TTL = 5 * 60 * 1000;
const profiles = new LRU({ max: 500 });

function onEvict(id, profile) {
  console.debug('profile %s evicted (%s)', id, profile.email);
}

const teams = new LRU({ max: 50, ttl: PROFILE_TTL, dispose: (value, key) => onEvict(key, value) });

async function getProfile(id) {
  const hit = profiles.get(id);
  if (hit) return hit;
  const profile = await fetchProfile(id);
  profiles.set(id, profile, { ttl: PROFILE_TTL });
  return profile;
}

function cachedIds() {
  return [...profiles.keys()].map(String);
}

function teamCount() {
  return teams.size;
}

module.exports = { getProfile, cachedIds, teamCount, clear: () => profiles.clear() };
