/**
 * The {@code querybudget} actuator endpoint: known scopes with their budgets, observed
 * figures, recent breaches and the top N+1 and duplicate statement shapes.
 */
@NullMarked
package dev.querybudget.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
