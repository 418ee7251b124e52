/**
 * Dart Sass's embedded compiler, spoken to directly over its embedded protocol
 * (https://github.com/sass/sass/blob/main/spec/embedded-protocol.md). sass-embedded's own host
 * takes ~130 ms of JavaScript to load (rxjs, a protobuf runtime, its Sass value classes) before
 * it sends a byte; a build needs only compile requests with load paths, which are a few protobuf
 * fields. The compiler binary is the one sass-embedded installs for this platform.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface CompileRequest {
  source: string;
  /** The stylesheet's own URL: relative loads start from it, and errors name it. */
  url: string;
  syntax: 'scss' | 'indented';
  style: 'expanded' | 'compressed';
  /** Absolute folders searched for `@use` and `@import`. */
  loadPaths: string[];
  sourceMap: boolean;
}

export interface CompileSuccess {
  css: string;
  /** The source map's JSON, when one was asked for. */
  sourceMap?: string;
}

export interface CompileFailure {
  message: string;
  /** 0-based, as the protocol gives them. */
  span?: { line: number; column: number; url?: string };
}

export type CompileResponse = CompileSuccess | { failure: CompileFailure };

/** The compiler's command: its Dart runtime and the Sass snapshot it runs. */
let command: [string, string] | undefined;
function compilerCommand(): [string, string] {
  if (command) return command;
  const require = createRequire(import.meta.url);
  const arch = process.arch;
  const platforms =
    process.platform === 'linux'
      ? isMuslNode()
        ? ['linux-musl', 'linux']
        : ['linux', 'linux-musl']
      : [process.platform];
  const exe = process.platform === 'win32' ? '.exe' : '';
  for (const platform of platforms) {
    try {
      const dart = require.resolve(`sass-embedded-${platform}-${arch}/dart-sass/src/dart${exe}`);
      command = [dart, path.join(path.dirname(dart), 'sass.snapshot')];
      return command;
    } catch {
      // not installed for this platform: try the next
    }
  }
  throw new Error(
    `Dart Sass is not installed for ${process.platform}-${arch}: run \`npm install\` again, or install sass-embedded-${platforms[0]}-${arch}`,
  );
}

/** Whether Node itself is linked with musl (Alpine): its ELF interpreter, near the file's start, says so. */
function isMuslNode(): boolean {
  const head = Buffer.alloc(4096);
  try {
    const fd = openSync(process.execPath, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return head.includes('/ld-musl-');
}

/** One Dart Sass process, compiling any number of stylesheets at once. */
export class DartSass {
  private readonly process: ChildProcess | undefined;
  private readonly waiting = new Map<number, (response: CompileResponse | Error) => void>();
  private nextId = 1; // 0 is the protocol's id for version requests
  private received: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor() {
    let dart: string;
    let snapshot: string;
    try {
      [dart, snapshot] = compilerCommand();
    } catch (error) {
      this.failed = error as Error; // told to each stylesheet that asks
      return;
    }
    // Its own folder as cwd, so it survives the removal of ours (as sass-embedded does).
    this.process = spawn(dart, [snapshot, '--embedded'], {
      cwd: path.dirname(dart),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.process.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    let stderr = '';
    this.process.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    this.process.on('error', (error) => this.fail(new Error(`Dart Sass could not start: ${error.message}`)));
    this.process.on('exit', (code, signal) => {
      if (this.waiting.size)
        this.fail(new Error(`Dart Sass stopped (${signal ?? `exit code ${code}`}): ${stderr.trim()}`));
    });
    this.process.stdin!.on('error', () => {}); // a dead process is reported by 'exit'
    // An idle compiler never keeps the command from ending.
    this.unref();
  }

  compile(request: CompileRequest): Promise<CompileResponse> {
    if (this.failed || !this.process) return Promise.reject(this.failed);
    const process = this.process;
    const id = this.nextId++;
    if (this.waiting.size === 0) this.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (response) => (response instanceof Error ? reject(response) : resolve(response)));
      process.stdin!.write(packet(id, compileRequest(request)));
    });
  }

  /** Closes its input, on which the compiler ends by itself. */
  dispose(): void {
    this.process?.stdin?.end();
    this.unref();
  }

  private receive(chunk: Buffer): void {
    this.received = this.received.length ? Buffer.concat([this.received, chunk]) : chunk;
    for (;;) {
      const header = readVarint(this.received, 0);
      if (!header || header.end + header.value > this.received.length) return;
      const payload = this.received.subarray(header.end, header.end + header.value);
      this.received = this.received.subarray(header.end + header.value);
      const id = readVarint(payload, 0);
      if (!id) {
        this.fail(new Error('Dart Sass sent a message without a compilation id'));
        return;
      }
      this.answer(id.value, payload.subarray(id.end));
    }
  }

  private answer(id: number, message: Buffer): void {
    const outbound = readMessage(message);
    const protocolError = outbound.get(1)?.[0];
    if (protocolError instanceof Buffer) {
      this.fail(new Error(`Dart Sass: ${text(readMessage(protocolError), 3) ?? 'protocol error'}`));
      return;
    }
    const response = outbound.get(2)?.[0];
    if (!(response instanceof Buffer)) return; // a log event: compilations are silent
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.unref();
    resolve?.(readCompileResponse(response));
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const resolve of this.waiting.values()) resolve(error);
    this.waiting.clear();
    this.process?.kill();
    this.unref();
  }

  private ref(): void {
    this.process?.ref();
    for (const stream of [this.process?.stdout, this.process?.stderr]) (stream as unknown as Ref)?.ref?.();
  }

  private unref(): void {
    this.process?.unref();
    for (const stream of [this.process?.stdout, this.process?.stderr]) (stream as unknown as Ref)?.unref?.();
  }
}

interface Ref {
  ref?: () => void;
  unref?: () => void;
}

// The protocol's messages, as far as a build needs them (field numbers from embedded_sass.proto).

function compileRequest(request: CompileRequest): Buffer {
  const stringInput = Buffer.concat([
    stringField(1, request.source),
    stringField(2, request.url),
    varintField(3, request.syntax === 'indented' ? 1 : 0),
  ]);
  const compile = Buffer.concat([
    bytesField(2, stringInput),
    varintField(4, request.style === 'compressed' ? 1 : 0),
    varintField(5, request.sourceMap ? 1 : 0),
    ...request.loadPaths.map((folder) => bytesField(6, stringField(1, path.resolve(folder)))),
    varintField(11, 1), // quiet_deps
    varintField(12, request.sourceMap ? 1 : 0), // source_map_include_sources
    varintField(13, 1), // charset, as the JavaScript API's default
    varintField(14, 1), // silent: no warnings or @debug, which a build does not show
  ]);
  return bytesField(2, compile); // InboundMessage.compile_request
}

function readCompileResponse(message: Buffer): CompileResponse {
  const fields = readMessage(message);
  const success = fields.get(2)?.[0];
  if (success instanceof Buffer) {
    const result = readMessage(success);
    const sourceMap = text(result, 2);
    return { css: text(result, 1) ?? '', sourceMap: sourceMap || undefined };
  }
  const failure = fields.get(3)?.[0];
  const failed = failure instanceof Buffer ? readMessage(failure) : new Map();
  const span = failed.get(2)?.[0];
  let location: CompileFailure['span'];
  if (span instanceof Buffer) {
    const spanFields = readMessage(span);
    const start = spanFields.get(2)?.[0];
    const startFields = start instanceof Buffer ? readMessage(start) : new Map();
    location = {
      line: Number(startFields.get(2)?.[0] ?? 0),
      column: Number(startFields.get(3)?.[0] ?? 0),
      url: text(spanFields, 4) || undefined,
    };
  }
  return { failure: { message: text(failed, 1) ?? 'Sass failed', span: location } };
}

function packet(compilationId: number, message: Buffer): Buffer {
  const payload = Buffer.concat([varint(compilationId), message]);
  return Buffer.concat([varint(payload.length), payload]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  while (value > 0x7f) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

const varintField = (field: number, value: number) => Buffer.concat([varint(field << 3), varint(value)]);
const bytesField = (field: number, bytes: Buffer) =>
  Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
const stringField = (field: number, value: string) => bytesField(field, Buffer.from(value, 'utf8'));

function readVarint(bytes: Buffer, start: number): { value: number; end: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let i = start; i < bytes.length; i++) {
    value += (bytes[i] & 0x7f) * scale;
    if (bytes[i] < 0x80) return { value, end: i + 1 };
    scale *= 128;
  }
  return undefined;
}

/** A message's fields by number: numbers for varints, the bytes of length-delimited ones. */
function readMessage(bytes: Buffer): Map<number, (number | Buffer)[]> {
  const fields = new Map<number, (number | Buffer)[]>();
  let at = 0;
  while (at < bytes.length) {
    const tag = readVarint(bytes, at);
    if (!tag) break;
    const field = Math.floor(tag.value / 8);
    const wireType = tag.value & 7;
    let value: number | Buffer;
    if (wireType === 0) {
      const read = readVarint(bytes, tag.end);
      if (!read) break;
      value = read.value;
      at = read.end;
    } else if (wireType === 2) {
      const length = readVarint(bytes, tag.end);
      if (!length) break;
      value = bytes.subarray(length.end, length.end + length.value);
      at = length.end + length.value;
    } else if (wireType === 1 || wireType === 5) {
      value = 0; // fixed 64/32-bit numbers: none that a build reads
      at = tag.end + (wireType === 1 ? 8 : 4);
    } else {
      break;
    }
    const list = fields.get(field);
    if (list) list.push(value);
    else fields.set(field, [value]);
  }
  return fields;
}

function text(fields: Map<number, (number | Buffer)[]>, field: number): string | undefined {
  const value = fields.get(field)?.[0];
  return value instanceof Buffer ? value.toString('utf8') : undefined;
}
