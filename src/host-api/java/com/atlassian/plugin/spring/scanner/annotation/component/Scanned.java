// Checked against https://docs.atlassian.com/atlassian-spring-scanner-parent/2.1.8 (module list) and the decompiled atlassian-spring-scanner-annotation source:
// @Target(TYPE) @Retention(RUNTIME), no elements.
package com.atlassian.plugin.spring.scanner.annotation.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class the scanner must inspect for @ComponentImport annotations although it is not itself a component. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Scanned {
}
