// Finds a cycle among task dependencies (task -> the tasks it waits for), for the errors that name one.

/** The first cycle found, as the tasks along it with the first repeated at the end ([3, 5, 3]); undefined: none. */
export function findCycle(edges: ReadonlyMap<number, readonly number[]>): number[] | undefined {
  const done = new Set<number>();
  const visit = (node: number, path: number[]): number[] | undefined => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node];
    if (done.has(node)) return undefined;
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of [...edges.keys()].sort((a, b) => a - b)) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** "task 3 depends on task 5, which depends on task 3"; `name` may add where each task is. */
export function describeCycle(cycle: readonly number[], name = (task: number) => `task ${task}`): string {
  const [first = 0, ...rest] = cycle;
  return `${name(first)} depends on ${rest.map(name).join(', which depends on ')}`;
}
