/**
 * An admin list whose budget comes from application properties, not from an annotation.
 */
@NullMarked
package dev.querybudget.sample.admin;

import org.jspecify.annotations.NullMarked;
