// Checked against https://docs.atlassian.com/atlassian-bamboo/9.5.1/com/atlassian/sal/bamboo/timezone/BambooTimeZoneManager.html
// and https://docs.atlassian.com/atlassian-confluence/5.4.1/com/atlassian/sal/confluence/timezone/ConfluenceTimeZoneManager.html
// (implementations of com.atlassian.sal.api.timezone.TimeZoneManager: getUserTimeZone(), getDefaultTimeZone(),
// getUserTimeZone(UserKey)).
package com.atlassian.sal.api.timezone;

import com.atlassian.sal.api.user.UserKey;

import java.util.TimeZone;

/** The product's time zones: the instance's default and each user's. */
public interface TimeZoneManager {

    TimeZone getUserTimeZone();

    TimeZone getDefaultTimeZone();

    TimeZone getUserTimeZone(UserKey user);
}
