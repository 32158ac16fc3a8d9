// Checked against the atlassian-event 2.x source of com.atlassian.event.api.EventListener (code corpus, used as
// @com.atlassian.event.api.EventListener on public one-argument methods by public Jira plugins, e.g.
// pawelniewie/automat-for-jira UserListener; runtime retention, method target).
package com.atlassian.event.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a public method with one argument as a listener for events of that argument's type. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Documented
public @interface EventListener {
}
