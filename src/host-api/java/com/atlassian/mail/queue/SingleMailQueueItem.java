// Checked against the atlassian-mail source of com/atlassian/mail/queue/SingleMailQueueItem.java (code corpus:
// "public class SingleMailQueueItem extends AbstractMailQueueItem", constructor SingleMailQueueItem(Email email))
// and https://docs.atlassian.com/atlassian-mail/1.3.23/com/atlassian/mail/queue/class-use/AbstractMailQueueItem.html.
// The real superclass AbstractMailQueueItem (subject, send count, mail threader) and send() are not declared: nothing
// here calls them. unverified: getEmail() is not in the retrieved excerpt; it is the accessor public code calls on
// queued items. Trivial faithful value holder, no sending behaviour.
package com.atlassian.mail.queue;

import com.atlassian.mail.Email;

/** A queue item carrying exactly one {@link Email}. */
public class SingleMailQueueItem implements MailQueueItem {
    private final Email email;

    public SingleMailQueueItem(Email email) {
        this.email = email;
    }

    public Email getEmail() {
        return email;
    }
}
