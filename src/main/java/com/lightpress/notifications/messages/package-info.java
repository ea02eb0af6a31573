/** The texts of notifications and emails, rendered in each recipient's language and time zone. */
@NullMarked
package com.lightpress.notifications.messages;

import org.jspecify.annotations.NullMarked;
