/**
 * Selector evaluation shared by every adapter: fallback chains, "self or descendants", outermost matches
 * and value sources. Invalid selectors (a typo, or `:has()` in an old engine) count as "no match" rather
 * than throwing into the page.
 */
import type { Selector, SelectorChain, ValueSource } from '@/lib/sites/define';

export type Scope = Element | Document;

/** `querySelectorAll` that treats an unsupported selector as matching nothing. */
export function queryAll(scope: Scope, css: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(css));
  } catch (error) {
    console.debug(`[ModelPrint] invalid selector "${css}"`, error);
    return [];
  }
}

function matches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch (error) {
    console.debug(`[ModelPrint] invalid selector "${css}"`, error);
    return false;
  }
}

/** The scope itself when it matches, else its matching descendants. */
export function selfOrAll(scope: Scope, css: string): Element[] {
  if ('matches' in scope && matches(scope, css)) return [scope];
  return queryAll(scope, css);
}

/** The first selector of a chain that matches anything in the scope (self included), with its matches. */
export function firstMatch(
  scope: Scope,
  chain: SelectorChain,
): { selector: Selector; elements: Element[] } | null {
  for (const selector of chain) {
    const elements = selfOrAll(scope, selector.css);
    if (elements.length > 0) return { selector, elements };
  }
  return null;
}

/** Matches of the first working selector of a chain, or none. */
export function chainAll(scope: Scope, chain: SelectorChain): Element[] {
  return firstMatch(scope, chain)?.elements ?? [];
}

/** Whether any selector of a set matches in the scope (self included). */
export function anyMatch(scope: Scope, set: readonly Selector[]): boolean {
  return set.some((s) => selfOrAll(scope, s.css).length > 0);
}

/** Drops every element contained in another element of the list; keeps document order. */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/** Reads a {@link ValueSource} in a scope; null when absent or empty. */
export function readValue(scope: Scope, source: ValueSource): string | null {
  const elements = source.css === undefined ? ('matches' in scope ? [scope] : []) : queryAll(scope, source.css);
  for (const el of elements) {
    const raw = source.attr === undefined ? el.textContent : el.getAttribute(source.attr);
    if (raw == null) continue;
    const value = source.pattern ? source.pattern.exec(raw)?.[1] : raw;
    const trimmed = value?.replace(/\s+/g, ' ').trim();
    if (trimmed) return trimmed;
  }
  return null;
}

/** First non-null value of a list of sources. */
export function readFirstValue(scope: Scope, sources: readonly ValueSource[] | undefined): string | null {
  for (const source of sources ?? []) {
    const value = readValue(scope, source);
    if (value !== null) return value;
  }
  return null;
}
