/**
 * Ruby's Date._parse and Time.parse against what real Ruby printed for each string
 * (test/fixtures/ruby/time-parse.json, from tools/time-parse-goldens.rb), in two time zones.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { dateParse, RubyArgumentError, timeParse } from '../../src/ruby/date-parse.ts';
import { parseRubyTimeInItsZone } from '../../src/ruby/time.ts';

interface Outcome {
  ms?: number;
  local?: string;
  /** Ruby's `to_s` of the time Time.parse returned, in its own zone. */
  shown?: string;
  error?: string;
}
interface Case {
  input: string;
  parts: Record<string, unknown>;
  [zone: string]: Outcome | string | Record<string, unknown>;
}
const goldens = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/ruby/time-parse.json'), 'utf8'),
) as { now: number[]; cases: Case[] };

const KEYS: Record<string, string> = { sec_fraction: 'secFraction' };

describe('Date._parse', () => {
  for (const c of goldens.cases) {
    it(`finds Ruby's parts in ${JSON.stringify(c.input)}`, () => {
      const expected: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(c.parts)) {
        if (key !== 'offset') expected[KEYS[key] ?? key] = value;
      }
      let actual: Record<string, unknown>;
      try {
        actual = { ...dateParse(c.input) };
      } catch (error) {
        assert.ok(error instanceof RubyArgumentError);
        actual = {};
      }
      assert.deepEqual(actual, expected);
    });
  }
});

const savedTz = process.env.TZ;
after(() => {
  process.env.TZ = savedTz;
});

for (const zone of ['Asia/Shanghai', 'America/New_York']) {
  describe(`Time.parse in ${zone}`, () => {
    for (const c of goldens.cases) {
      const outcome = c[zone] as Outcome;
      it(`reads ${JSON.stringify(c.input)} as Ruby does`, () => {
        process.env.TZ = zone;
        const [y, mo, d, h, mi, s] = goldens.now;
        const now = new Date(y, mo - 1, d, h, mi, s);
        if (outcome.error !== undefined) {
          assert.throws(() => timeParse(c.input, now), { name: 'ArgumentError', message: outcome.error });
        } else {
          assert.equal(timeParse(c.input, now).time.getTime(), outcome.ms, outcome.local);
          assert.equal(parseRubyTimeInItsZone(c.input, now)?.toString(), outcome.shown);
        }
      });
    }
  });
}

const mixed = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/ruby/time-parse-mixed.json'), 'utf8'),
) as { now: number[]; zones: string[]; cases: [string, ...(number | string | null)[]][] };

describe('Time.parse on 1,479 strings glued from date pieces', () => {
  mixed.zones.forEach((zone, z) => {
    it(`reads each as Ruby does in ${zone}`, () => {
      process.env.TZ = zone;
      const [y, mo, d, h, mi, s] = mixed.now;
      const now = new Date(y, mo - 1, d, h, mi, s);
      const wrong: string[] = [];
      for (const [input, ...outcomes] of mixed.cases) {
        const ms = outcomes[2 * z] as number | null;
        const shown = outcomes[2 * z + 1] as string;
        let ours: string;
        try {
          const time = timeParse(input, now).time.getTime();
          ours = `${time} ${parseRubyTimeInItsZone(input, now)?.toString()}`;
        } catch (error) {
          if (!(error instanceof RubyArgumentError)) throw error;
          ours = `error ${error.message}`;
        }
        const ruby = ms === null ? `error ${shown}` : `${ms} ${shown}`;
        if (ours !== ruby) wrong.push(`${JSON.stringify(input)}: Ruby ${ruby}, ours ${ours}`);
      }
      assert.deepEqual(wrong, []);
    });
  });
});
