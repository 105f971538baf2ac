// A ten-line element builder for the helper's panel: properties for handlers and booleans, attributes for the
// rest, children as text nodes (never HTML: nothing the page shows is parsed as markup here).
type Child = Node | string | null;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown>, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name.startsWith('on') || typeof value === 'boolean') (el as unknown as Record<string, unknown>)[name] = value;
    else el.setAttribute(name, String(value));
  }
  for (const child of children) if (child !== null) el.append(child);
  return el;
}
