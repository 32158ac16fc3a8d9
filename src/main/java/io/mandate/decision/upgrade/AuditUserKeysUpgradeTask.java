package io.mandate.decision.upgrade;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.activeobjects.external.ModelVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.mandate.platform.Person;
import io.mandate.platform.UserDirectory;
import net.java.ao.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Model version 1: the audit trail names people by user key, not username, because usernames
 * change when Jira renames a user. Rewrites the people fields of every audit row of model version
 * 0 (driver, approver: a username; contributors: usernames joined by ", "; informed: the same, with
 * groups as "group:name") into the version 1 format (a key; a JSON array of keys; a JSON array of
 * {"type":"user","key"} / {"type":"group","name"}) and marks the row VALUE_FORMAT = 1.
 *
 * <p>A name no user has any more stays as it is (the history then shows it as stored) and is logged
 * once. Rows are read in batches by id, so memory stays flat however long the trail; only marked
 * rows are skipped, so a second run changes nothing. Active Objects runs this inside one
 * transaction and records the version afterwards. The value format is written here, frozen, not
 * borrowed from the live code, which may move on.
 */
public final class AuditUserKeysUpgradeTask implements ActiveObjectsUpgradeTask {

    static final int BATCH_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AuditUserKeysUpgradeTask.class);
    private static final int FORMAT_USER_KEYS = 1;
    private static final String GROUP_PREFIX = "group:";
    private static final String SEPARATOR = ", ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<String>> keyOfUsername;
    private final int batchSize;

    @Inject
    public AuditUserKeysUpgradeTask(UserDirectory users) {
        this(username -> users.byName(username).map(Person::key), BATCH_SIZE);
    }

    AuditUserKeysUpgradeTask(Function<String, Optional<String>> keyOfUsername, int batchSize) {
        this.keyOfUsername = keyOfUsername;
        this.batchSize = batchSize;
    }

    @Override
    public ModelVersion getModelVersion() {
        return ModelVersion.valueOf("1");
    }

    @Override
    public void upgrade(ModelVersion currentVersion, ActiveObjects ao) {
        ao.migrate(AuditV1.class);
        Set<String> unknown = new HashSet<>();
        int converted = 0;
        int lastId = 0;
        AuditV1[] batch;
        do {
            batch = ao.find(AuditV1.class, Query.select().where("VALUE_FORMAT IS NULL AND ID > ?", lastId)
                    .order("ID").limit(batchSize));
            for (AuditV1 row : batch) {
                row.setOldValue(convert(row.getField(), row.getOldValue(), unknown));
                row.setNewValue(convert(row.getField(), row.getNewValue(), unknown));
                row.setValueFormat(FORMAT_USER_KEYS);
                row.save();
                lastId = row.getID();
            }
            converted += batch.length;
        } while (batch.length == batchSize);
        LOG.info("Audit trail upgraded from model version {}: {} entries now name people by user key ({} usernames unknown)",
                currentVersion, converted, unknown.size());
    }

    private String convert(String field, String value, Set<String> unknown) {
        if (value == null) {
            return null;
        }
        switch (field) {
            case "driver", "approver" -> {
                return key(value, unknown);
            }
            case "contributors" -> {
                ArrayNode keys = JSON.createArrayNode();
                for (String name : value.split(SEPARATOR)) {
                    keys.add(key(name, unknown));
                }
                return keys.toString();
            }
            case "informed" -> {
                ArrayNode entries = JSON.createArrayNode();
                for (String name : value.split(SEPARATOR)) {
                    if (name.startsWith(GROUP_PREFIX)) {
                        entries.addObject().put("type", "group").put("name", name.substring(GROUP_PREFIX.length()));
                    } else {
                        entries.addObject().put("type", "user").put("key", key(name, unknown));
                    }
                }
                return entries.toString();
            }
            default -> {
                return value;
            }
        }
    }

    private String key(String username, Set<String> unknown) {
        Optional<String> key = keyOfUsername.apply(username);
        if (key.isEmpty() && unknown.add(username)) {
            LOG.warn("Audit trail upgrade: no user is called {} any more; its entries keep the name as it was", username);
        }
        return key.orElse(username);
    }
}
