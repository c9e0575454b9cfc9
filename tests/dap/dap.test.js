// dap.test.js: `clove dap` driven by Microsoft's DAP test client
// (@vscode/debugadapter-testsupport), as VS Code drives it. run.sh runs it with mocha;
// CLOVE names the clove binary (default: ../../build/clove).
'use strict';
const assert = require('assert');
const path = require('path');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const CLOVE = process.env.CLOVE || path.join(__dirname, '..', '..', 'build', 'clove');
const PROGRAMS = path.join(__dirname, 'programs');
const prog = (name) => path.join(PROGRAMS, name);

describe('clove dap', function () {
  let dc;

  beforeEach(function () {
    dc = new DebugClient(CLOVE, 'dap', 'clove');
    dc.defaultTimeout = 10000;
    return dc.start();
  });

  afterEach(function () {
    return dc.stop();
  });

  // Sets breakpoints, launches and waits for the first stop.
  async function launchAt(program, lines, launchArgs = {}) {
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([
      dc.waitForEvent('initialized').then(async () => {
        if (lines.length) {
          await dc.setBreakpointsRequest({
            source: { path: program },
            breakpoints: lines.map((l) => (typeof l === 'number' ? { line: l } : l)),
          });
        }
        return dc.configurationDoneRequest();
      }),
      dc.launch(Object.assign({ program }, launchArgs)),
    ]);
    return stopped;
  }

  async function topFrame() {
    const st = await dc.stackTraceRequest({ threadId: 1 });
    return st.body.stackFrames[0];
  }

  async function localsOf(frameId) {
    const sc = await dc.scopesRequest({ frameId });
    const locals = sc.body.scopes.find((s) => s.name === 'Locals');
    const vars = await dc.variablesRequest({ variablesReference: locals.variablesReference });
    const out = {};
    for (const v of vars.body.variables) out[v.name] = v;
    return out;
  }

  it('answers initialize with its capabilities', async function () {
    const r = await dc.initializeRequest();
    assert.strictEqual(r.body.supportsConfigurationDoneRequest, true);
    assert.strictEqual(r.body.supportsConditionalBreakpoints, true);
    assert.ok(r.body.exceptionBreakpointFilters.some((f) => f.filter === 'uncaught'));
  });

  it('runs a program to its end, with its output as output events', async function () {
    await Promise.all([
      dc.configurationSequence(),
      dc.launch({ program: prog('basic.clj') }),
      dc.assertOutput('stdout', 'computing 40\nresult 412\ncomputing 2\nagain 32\n'),
      dc.waitForEvent('terminated'),
    ]);
  });

  it('stops at a breakpoint and shows the locals by name', async function () {
    const program = prog('basic.clj');
    await dc.hitBreakpoint({ program }, { path: program, line: 10 });
    const frame = await topFrame();
    assert.strictEqual(frame.name, 'basic/compute');
    const locals = await localsOf(frame.id);
    // x's register holds m from here on: x is shown unavailable, not with m's value.
    assert.strictEqual(locals.x.value, '<unavailable>');
    assert.strictEqual(locals.y.value, '40');
    // A map expands lazily: its variablesReference lists its entries.
    assert.ok(locals.m.variablesReference > 0);
    const entries = await dc.variablesRequest({ variablesReference: locals.m.variablesReference });
    const byName = Object.fromEntries(entries.body.variables.map((v) => [v.name, v]));
    assert.strictEqual(byName[':x'].value, '20');
    assert.strictEqual(byName[':ys'].value, '[40 40]');
    const ys = await dc.variablesRequest({ variablesReference: byName[':ys'].variablesReference });
    assert.deepStrictEqual(ys.body.variables.map((v) => v.value), ['40', '40']);
    const threads = await dc.threadsRequest();
    assert.strictEqual(threads.body.threads.length, 1);
  });

  it('evaluates in the stopped frame, and answers evaluation errors with an error response', async function () {
    const program = prog('basic.clj');
    await dc.hitBreakpoint({ program }, { path: program, line: 10 });
    const frame = await topFrame();
    const r = await dc.evaluateRequest({ expression: '(+ y (count m))', frameId: frame.id, context: 'repl' });
    assert.strictEqual(r.body.result, '42');
    await assert.rejects(dc.evaluateRequest({ expression: '(+ x 1)', frameId: frame.id, context: 'repl' }),
                         /x is not available here/);
    await assert.rejects(dc.evaluateRequest({ expression: '(no-such-fn 1)', frameId: frame.id, context: 'repl' }),
                         /Unable to resolve symbol: no-such-fn/);
    await assert.rejects(dc.evaluateRequest({ expression: '(/ 1 0)', frameId: frame.id, context: 'repl' }),
                         /Divide by zero/);
    // The session goes on.
    const again = await dc.evaluateRequest({ expression: 'y', frameId: frame.id, context: 'watch' });
    assert.strictEqual(again.body.result, '40');
  });

  it('steps over, into and out', async function () {
    const program = prog('basic.clj');
    await dc.hitBreakpoint({ program }, { path: program, line: 10 });
    await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: program, line: 11 })]);
    await Promise.all([dc.stepInRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: program, line: 4 })]);
    assert.strictEqual((await topFrame()).name, 'basic/scale');
    await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.assertStoppedLocation('step', { path: program, line: 12 })]);
    assert.strictEqual((await topFrame()).name, 'basic/compute');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', { line: 10 })]);
    const locals = await localsOf((await topFrame()).id);
    assert.strictEqual(locals.y.value, '2');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
  });

  it('stops on entry', async function () {
    const program = prog('basic.clj');
    const ev = await launchAt(program, [], { stopOnEntry: true });
    assert.strictEqual(ev.body.reason, 'entry');
    const frame = await topFrame();
    assert.strictEqual(frame.source.path, program);
  });

  it('honours conditions and hit counts', async function () {
    const program = prog('loop.clj');
    await launchAt(program, [{ line: 2, condition: '(= i 7)' }]);
    let locals = await localsOf((await topFrame()).id);
    assert.strictEqual(locals.i.value, '7');
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
  });

  it('honours hit counts', async function () {
    const program = prog('loop.clj');
    await launchAt(program, [{ line: 2, hitCondition: '3' }]);
    const locals = await localsOf((await topFrame()).id);
    assert.strictEqual(locals.i.value, '2');
  });

  it('breaks on an uncaught exception with its frames intact', async function () {
    const program = prog('throws.clj');
    const stopped = dc.waitForEvent('stopped');
    await Promise.all([
      dc.waitForEvent('initialized').then(async () => {
        await dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });
        return dc.configurationDoneRequest();
      }),
      dc.launch({ program }),
    ]);
    const ev = await stopped;
    assert.strictEqual(ev.body.reason, 'exception');
    assert.match(ev.body.text, /too risky/);
    const frame = await topFrame();
    assert.strictEqual(frame.name, 'user/risky');
    assert.strictEqual(frame.line, 3);
    const locals = await localsOf(frame.id);
    assert.ok('n' in locals && 'half' in locals);
    const data = await dc.evaluateRequest({ expression: '(clove.debug/locals nil 0)', frameId: frame.id });
    assert.match(data.body.result, /unavailable|10/);
    await Promise.all([dc.continueRequest({ threadId: 1 }), dc.waitForEvent('terminated')]);
  });

  it('pauses a running program and terminates it', async function () {
    const program = prog('spin.clj');
    await Promise.all([dc.configurationSequence(), dc.launch({ program }), dc.assertOutput('stdout', 'spinning')]);
    await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.assertStoppedLocation('pause', { path: program })]);
    const frame = await topFrame();
    assert.strictEqual(frame.name, 'user/spin');
    await Promise.all([dc.terminateRequest({}), dc.waitForEvent('terminated')]);
  });

  it('answers bad requests with errors and goes on', async function () {
    await dc.initializeRequest();
    await assert.rejects(dc.customRequest('noSuchCommand', {}), /unknown command noSuchCommand/);
    await assert.rejects(
      dc.setBreakpointsRequest({ source: { path: prog('missing.clj') }, breakpoints: [{ line: 1 }] }),
      /no file/);
    await assert.rejects(dc.launchRequest({ program: prog('missing.clj') }), /no program file/);
    await assert.rejects(dc.nextRequest({ threadId: 1 }), /not stopped/);
    const threads = await dc.threadsRequest();
    assert.strictEqual(threads.body.threads[0].id, 1);
  });
});
