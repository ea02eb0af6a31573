package com.lightpress.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;

/**
 * Keeps every span a process finishes in memory, as the span exporter Boot's OpenTelemetry
 * support sends spans to, so a test can look at the traces of one or more processes.
 */
@TestComponent
public class SpanRecorder implements SpanExporter {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /** The spans of one trace. */
    public List<SpanData> trace(String traceId) {
        return spans().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        return spans.export(batch);
    }

    @Override
    public CompletableResultCode flush() {
        return spans.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
