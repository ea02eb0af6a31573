package com.lightpress.notifications.preferences;

/** Someone tried to turn off a category that always reaches its user. */
public class MandatoryCategory extends RuntimeException {

    private final Category category;

    MandatoryCategory(Category category) {
        super(category.key() + " notifications cannot be turned off");
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
