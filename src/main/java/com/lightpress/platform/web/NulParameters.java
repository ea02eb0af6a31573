package com.lightpress.platform.web;

import com.lightpress.platform.FieldProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses query and form parameters that contain the NUL character, which no parameter of
 * Lightpress's needs and PostgreSQL cannot store in text, with a 400 naming the parameter.
 */
final class NulParameters extends OncePerRequestFilter {

    private final JsonMapper json;

    NulParameters(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var offending = request.getParameterMap().entrySet().stream()
                .filter(parameter ->
                        Arrays.stream(parameter.getValue()).anyMatch(value -> value.indexOf('\u0000') >= 0))
                .map(parameter -> FieldProblems.error(parameter.getKey(), "may not contain the NUL character"))
                .toList();
        if (offending.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var problem = FieldProblems.badRequest("The request has invalid parameters.", List.copyOf(offending));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
