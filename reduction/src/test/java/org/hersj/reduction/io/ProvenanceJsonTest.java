package org.hersj.reduction.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provenance JSON: camelCase keys as in the configs, escaped strings, non-finite numbers as null. */
class ProvenanceJsonTest {

    record Sample(int resLayers, List<Double> weights, String name, double missing) {
    }

    @Test
    void writesCamelCaseKeysEscapedStringsAndNullForNonFiniteNumbers() throws Exception {
        String json = ProvenanceJson.write(new Sample(3, List.of(1.0, Double.POSITIVE_INFINITY), "a\"b", Double.NaN));
        JsonNode read = new ObjectMapper().readTree(json);
        assertEquals(3, read.get("resLayers").asInt());
        assertEquals("a\"b", read.get("name").asText());
        assertEquals(1.0, read.get("weights").get(0).asDouble());
        assertEquals(true, read.get("weights").get(1).isNull(), json);
        assertEquals(true, read.get("missing").isNull(), json);
        assertEquals(4, read.size(), "no other keys: " + json);
    }
}
