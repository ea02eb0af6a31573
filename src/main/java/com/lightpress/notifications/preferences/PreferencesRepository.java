package com.lightpress.notifications.preferences;

import com.lightpress.users.UserId;
import org.springframework.data.repository.ListCrudRepository;

interface PreferencesRepository extends ListCrudRepository<Preferences, UserId> {}
