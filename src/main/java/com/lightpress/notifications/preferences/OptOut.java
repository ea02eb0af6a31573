package com.lightpress.notifications.preferences;

import org.springframework.data.relational.core.mapping.Table;

/** One category and channel a user turned off. */
@Table(schema = "notifications", name = "preference_opt_outs")
record OptOut(Category category, Channel channel) {

    static OptOut of(CategoryChannel choice) {
        return new OptOut(choice.category(), choice.channel());
    }

    CategoryChannel toChoice() {
        return new CategoryChannel(category, channel);
    }
}
