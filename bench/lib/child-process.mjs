// Child processes the suites start: each is stopped by its owner, and killed if the bench dies.
import { spawn } from 'node:child_process';
import { stopChild } from '../../scripts/lib/local-stack.mjs';
import { root } from './product.mjs';

export function startChild(script, args, env) {
  const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return { child, stop: () => stopChild(child) };
}

/** Runs a script to completion and returns its stdout parsed as JSON (its last line). */
export function runJsonChild(script, args, env, timeoutMs) {
  return new Promise((resolve, reject) => {
    const { child } = startChild(script, args, env);
    let stdout = '';
    child.stdout.on('data', (data) => (stdout += data));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      } catch (error) {
        reject(new Error(`${script} printed no JSON result: ${error.message}`));
      }
    });
  });
}
