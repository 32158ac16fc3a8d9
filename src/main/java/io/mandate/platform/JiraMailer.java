package io.mandate.platform;

import com.atlassian.mail.Email;
import com.atlassian.mail.queue.SingleMailQueueItem;
import com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent;

import javax.inject.Inject;

/**
 * {@link Mailer} over Jira's mail queue: the message goes out with Jira's configured SMTP server and
 * sender address, like Jira's own notifications. The sender is left to Jira on purpose.
 */
@JiraComponent
public class JiraMailer implements Mailer {

    private final JiraHostComponents jira;

    @Inject
    public JiraMailer(JiraHostComponents jira) {
        this.jira = jira;
    }

    @Override
    public void send(String toAddress, String subject, String plainTextBody) {
        Email email = new Email(toAddress);
        email.setSubject(subject);
        email.setBody(plainTextBody);
        email.setMimeType("text/plain");
        jira.mailQueue().addItem(new SingleMailQueueItem(email));
    }
}
