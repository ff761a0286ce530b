/**
 * Method and job scopes through Spring AOP advisors.
 */
@NullMarked
package dev.querybudget.autoconfigure.aop;

import org.jspecify.annotations.NullMarked;
