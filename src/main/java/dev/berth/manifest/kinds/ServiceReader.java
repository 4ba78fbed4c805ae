package dev.berth.manifest.kinds;

import dev.berth.manifest.schema.Fields;
import dev.berth.manifest.schema.Names;
import dev.berth.manifest.schema.Rule;
import dev.berth.manifest.schema.Shape;
import dev.berth.model.IntOrString;
import dev.berth.model.Resource;
import dev.berth.model.Service;
import dev.berth.manifest.yaml.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a Service (v1) of type ClusterIP or NodePort. */
final class ServiceReader implements KindReader {
    static final Shape ROOT = Shape.of("apiVersion", "kind", "metadata", "spec").ignoring("status");
    static final Shape SPEC = Shape.of("type", "selector", "ports").unsupported("clusterIP", "clusterIPs",
            "externalIPs", "externalName", "externalTrafficPolicy", "internalTrafficPolicy", "healthCheckNodePort",
            "ipFamilies", "ipFamilyPolicy", "loadBalancerIP", "loadBalancerClass", "loadBalancerSourceRanges",
            "allocateLoadBalancerNodePorts", "publishNotReadyAddresses", "sessionAffinity", "sessionAffinityConfig",
            "trafficDistribution");
    static final Shape PORT = Shape.of("name", "protocol", "port", "targetPort", "nodePort").unsupported("appProtocol");
    private static final Rule TYPE = value -> switch (value) {
        case "ClusterIP", "NodePort" -> null;
        case "LoadBalancer", "ExternalName" -> "type " + value + " is not supported by berth; use ClusterIP or NodePort";
        default -> "must be one of ClusterIP, NodePort, got \"" + value + "\"";
    };

    @Override
    public String apiVersion() {
        return Service.API_VERSION;
    }

    @Override
    public Shape shape() {
        return ROOT;
    }

    @Override
    public Resource read(Fields root) {
        return ObjectWithSpec.read(root, fields -> MetadataReader.namespaced(fields, Names.DNS1035_LABEL), SPEC,
                this::spec, (metadata, spec) -> new Service(Service.API_VERSION, Service.KIND, metadata, spec));
    }

    private Service.Spec spec(Fields spec) {
        String type = spec.string("type", TYPE);
        String resolvedType = type == null ? "ClusterIP" : type;
        Map<String, String> selector = MetadataReader.labels(spec, "selector");
        if (!spec.has("ports")) {
            spec.missing("ports");
        } else if (spec.node("ports").filter(n -> n instanceof SequenceNode s && s.items().isEmpty()).isPresent()) {
            spec.error("ports", "must name at least one port");
        }
        List<Fields> items = spec.objects("ports", PORT);
        List<Service.Port> ports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields port : items) {
            String name = port.string("name", Names.DNS_LABEL);
            if (name == null && items.size() > 1 && !port.has("name")) {
                port.problems().error(port.position(), port.path("name"), "is required when a Service has several ports");
            }
            String protocol = port.string("protocol", Rule.oneOf(ContainerReader.PROTOCOLS));
            String resolvedProtocol = protocol == null ? "TCP" : protocol;
            Integer number = port.requiredInteger("port", 1, 65535);
            IntOrString target = port.port("targetPort", Names.PORT);
            Integer nodePort = port.integer("nodePort", 30000, 32767);
            if (nodePort != null && !"NodePort".equals(resolvedType)) {
                port.error("nodePort", "may be set only when type is NodePort");
            }
            if (name != null && !seen.add("name:" + name)) {
                port.error("name", "duplicate port name \"" + name + "\"");
            }
            if (number != null && !seen.add(number + "/" + resolvedProtocol)) {
                port.error("port", "duplicate port " + number + "/" + resolvedProtocol);
            }
            if (number != null) {
                ports.add(new Service.Port(name, resolvedProtocol, number,
                        target == null ? IntOrString.of(number) : target, nodePort));
            }
        }
        return new Service.Spec(resolvedType, selector, ports);
    }
}
