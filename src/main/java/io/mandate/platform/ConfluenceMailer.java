package io.mandate.platform;

import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;

/**
 * {@link Mailer} inside Confluence: Mandate sends no mail from Confluence, because decisions (the
 * only thing it notifies about) live in Jira; see {@link ConfluenceIssueAccess}. Refuses loudly
 * rather than dropping a message silently.
 */
@ConfluenceComponent
public class ConfluenceMailer implements Mailer {

    @Override
    public void send(String toAddress, String subject, String plainTextBody) {
        throw new UnsupportedOperationException("Mandate sends mail from Jira only; Confluence holds no decisions.");
    }
}
