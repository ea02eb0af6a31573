package com.lightpress.users.account;

import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gathers everything the local modules hold about a user into one document, one section per
 * module, through the {@link PersonalData} beans they contribute.
 */
@Component
public class DataExport {

    private final List<PersonalData> sources;

    DataExport(List<PersonalData> sources) {
        this.sources = sources;
    }

    public Map<String, Object> of(UserId user) {
        var document = new LinkedHashMap<String, Object>();
        sources.stream()
                .sorted(Comparator.comparing(PersonalData::section))
                .forEach(source -> document.put(source.section(), source.exportFor(user)));
        return document;
    }
}
