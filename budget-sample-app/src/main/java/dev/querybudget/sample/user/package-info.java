/**
 * Users, their profiles, privacy settings, follows, subscriptions and roles.
 */
@NullMarked
package dev.querybudget.sample.user;

import org.jspecify.annotations.NullMarked;
