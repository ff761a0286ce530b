/**
 * Request scopes for Spring MVC: a servlet filter and a handler interceptor.
 */
@NullMarked
package dev.querybudget.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
