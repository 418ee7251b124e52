import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RubyTime, useTimezone } from '../../src/ruby/time.ts';

test('useTimezone: local times are the site’s zone, and setting it again keeps it', (t) => {
  const saved = process.env.TZ;
  t.after(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  useTimezone('Asia/Tokyo');
  useTimezone('Asia/Tokyo');
  assert.equal(process.env.TZ, 'Asia/Tokyo');
  assert.equal(new RubyTime(Date.UTC(2024, 0, 1)).toString(), '2024-01-01 09:00:00 +0900');
  useTimezone('America/New_York');
  assert.equal(new RubyTime(Date.UTC(2024, 0, 1)).toString(), '2023-12-31 19:00:00 -0500');
});
