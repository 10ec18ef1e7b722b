package io.replicator.kube.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** One volume-source job's custom resource, with VolSync's ReplicationSource field names. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("replicationsources")
@AdditionalPrinterColumn(name = "Source", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".spec.sourcePVC")
@AdditionalPrinterColumn(name = "Last sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.lastSyncTime")
@AdditionalPrinterColumn(name = "Duration", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.lastSyncDuration")
@AdditionalPrinterColumn(name = "Next sync", type = Type.STRING, format = PrinterColumnFormat.DATE_TIME, jsonPath = ".status.nextSyncTime")
@AdditionalPrinterColumn(name = "Result", type = Type.STRING, format = PrinterColumnFormat.NONE, jsonPath = ".status.latestMoverStatus.result")
public class ReplicationSource extends CustomResource<ReplicationSourceSpec, ReplicationSourceStatus> implements Namespaced {
    @Override
    @JsonPropertyDescription("VolSync-compatible field names; mirrors replicator.volume-source.<job>.*.")
    public ReplicationSourceSpec getSpec() {
        return super.getSpec();
    }
}
