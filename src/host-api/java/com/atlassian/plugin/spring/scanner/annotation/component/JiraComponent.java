// Checked against https://docs.atlassian.com/atlassian-spring-scanner-parent/2.1.8 (module list) and atlassian-spring-scanner-annotation source
// (@Target({TYPE, PARAMETER}) @Retention(RUNTIME), String value() default "").
// Review 2026-11-24: re-checked against the atlassian-spring-scanner-annotation source in the code corpus:
// @Target({ElementType.TYPE, ElementType.PARAMETER}) @Retention(RUNTIME) @Component, String value() default "".
// The Spring @Component meta-annotation is omitted (Spring is not on this compile classpath; it does not change how
// the plugin may use the annotation). unverified: whether 2.x keeps the meta-annotation.
package com.atlassian.plugin.spring.scanner.annotation.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a component that the scanner registers only when running in JIRA. */
@Target({ElementType.TYPE, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface JiraComponent {
    String value() default "";
}
