package dev.querybudget.autoconfigure.actuate;

import dev.querybudget.ScopeKind;
import dev.querybudget.autoconfigure.ResolvedBudget;

/**
 * A scope the application declares, found before any of its runs: a handler mapping, a
 * {@code @Scheduled} method or a {@code @QueryBudget} method.
 *
 * @param kind the scope kind
 * @param name the scope name, as the scope will be named when it runs
 * @param resolved its budget and where it came from
 * @author Query Budget contributors
 */
record KnownScope(ScopeKind kind, String name, ResolvedBudget resolved) {

}
