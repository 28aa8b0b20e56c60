import { readdirSync, readFileSync } from "node:fs";

/** Parent pid and process group of a live process, from /proc (Linux); null when gone. */
export function processStat(pid: number): { ppid: number; pgrp: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name: state, ppid, pgrp, ...
    const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return null;
  }
}

/** `pid` and every process below it, from a snapshot of /proc (Linux). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const child = Number(name);
    if (!Number.isInteger(child)) continue;
    const stat = processStat(child);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), child]);
  }
  const tree: number[] = [];
  for (const queue = [pid]; queue.length; ) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** Resident set size of one process in bytes (VmRSS), 0 when it is gone. */
export function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Summed resident set size of `pid` and all its descendants, in bytes. */
export function treeResidentBytes(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + residentBytes(p), 0);
}
