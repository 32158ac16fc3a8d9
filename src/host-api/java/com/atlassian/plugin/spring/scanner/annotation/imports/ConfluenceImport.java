// Checked against the atlassian-spring-scanner-annotation source (code corpus: "public @interface ConfluenceImport",
// @Target(PARAMETER) @Retention(RUNTIME), meta-annotated @ComponentImport and @OnlyInProduct(ProductFilter.CONFLUENCE),
// String value() default ""). The meta-annotations are kept: @ComponentImport is declared here (it targets
// ANNOTATION_TYPE); @OnlyInProduct / ProductFilter are not declared (unused by the plugin), so that one is omitted —
// the scanner's build-time index (imports-confluence) is what the host reads.
package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Imports an OSGi service on a constructor parameter only when running in Confluence. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@ComponentImport
public @interface ConfluenceImport {
    String value() default "";
}
