/**
 * Loaded with `--import` by the bad-input tests: writing into the build's staging folder fails
 * as a full disk (ENOSPC) or a folder without permission (EACCES) would, after
 * SCHOLARSITE_TEST_FAIL_AFTER files have been written (default 0). SCHOLARSITE_TEST_FAIL_PATH
 * names another part of the path to fail in (`.jekyll-cache`: the caches between builds).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const code = process.env.SCHOLARSITE_TEST_FAIL ?? 'ENOSPC';
let left = Number(process.env.SCHOLARSITE_TEST_FAIL_AFTER ?? 0);
const where = process.env.SCHOLARSITE_TEST_FAIL_PATH ?? '.tmp-';

function check(target) {
  if (!String(target).includes(where) || left-- > 0) return;
  const error = new Error(`${code}: simulated failure, write '${target}'`);
  error.code = code;
  error.path = String(target);
  throw error;
}

const { writeFileSync, mkdirSync, copyFileSync } = fs;
const { copyFile } = fs.promises;
fs.writeFileSync = (target, ...rest) => {
  check(target);
  return writeFileSync(target, ...rest);
};
fs.copyFileSync = (from, to, ...rest) => {
  check(to);
  return copyFileSync(from, to, ...rest);
};
fs.mkdirSync = (target, ...rest) => {
  if (code === 'EACCES') check(target);
  return mkdirSync(target, ...rest);
};
fs.promises.copyFile = async (from, to, ...rest) => {
  check(to);
  return copyFile(from, to, ...rest);
};
syncBuiltinESMExports();
