// Checked against https://docs.atlassian.com/sal-parent/3.0.0/apidocs/com/atlassian/sal/api/page/PageCapability.html
// (single constant IFRAME); unverified: no constants added on Platform 7.
package com.atlassian.sal.api.page;

/** A capability the login page must support, such as being shown inside an iframe. */
public enum PageCapability {
    IFRAME
}
