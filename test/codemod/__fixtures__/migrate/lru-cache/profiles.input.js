'use strict';

const LRU = require('lru-cache');
const { fetchProfile } = require('./profile-service');

const PROFILE_TTL = 5 * 60 * 1000;
const profiles = new LRU(500);

function onEvict(id, profile) {
  console.debug('profile %s evicted (%s)', id, profile.email);
}

const teams = new LRU({ max: 50, maxAge: PROFILE_TTL, dispose: onEvict });

async function getProfile(id) {
  const hit = profiles.get(id);
  if (hit) return hit;
  const profile = await fetchProfile(id);
  profiles.set(id, profile, PROFILE_TTL);
  return profile;
}

function cachedIds() {
  return profiles.keys().map(String);
}

function teamCount() {
  return teams.itemCount;
}

module.exports = { getProfile, cachedIds, teamCount, clear: () => profiles.reset() };
