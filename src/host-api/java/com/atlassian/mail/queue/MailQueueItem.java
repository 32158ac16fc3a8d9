// Checked against https://docs.atlassian.com/atlassian-mail/1.3.23/com/atlassian/mail/queue/MailQueueItem.html
// No member is declared because neither the plugin nor the reference host calls one; the real interface has
// send() throws MailException, getSubject(), getDateQueued(), getSendCount() and hasError(). The plugin never
// implements this type (it only hands a SingleMailQueueItem to MailQueue.addItem).
package com.atlassian.mail.queue;

/** One queued message that knows how to send itself. */
public interface MailQueueItem {
}
