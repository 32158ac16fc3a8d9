/*
 * Mandate: the dialogs of the authority matrix page (templates/authority/matrix.vm).
 *
 * The grid is rendered by the server, one page of domains at a time, and reads without this script. The
 * script opens the AUI dialogs rendered below the grid — domain create/edit/delete, grant add/edit/remove,
 * the CSV import with its dry run — and calls the REST API (/rest/mandate/1.0, docs/rest-api.md), which
 * checks every change again. After a change the page is loaded again, so the grid always shows what the
 * server has.
 *
 * Every text that comes from the server or from people (names, notes, error messages) enters the page
 * through textContent, never as markup. The texts of the interface come from the data attributes of
 * #mandate-matrix-texts, which the template renders in the user's language.
 */
(function () {
    'use strict';

    var API = '/rest/mandate/1.0';
    var FLAG_KEY = 'mandate-matrix-flag';
    var SEARCH_DELAY_MS = 150;

    // --- small helpers -----------------------------------------------------------------------

    function contextPath() {
        if (window.AJS && typeof window.AJS.contextPath === 'function') {
            var path = window.AJS.contextPath();
            if (typeof path === 'string') {
                return path;
            }
        }
        var meta = document.querySelector('meta[name="ajs-context-path"]');
        return meta ? meta.getAttribute('content') || '' : '';
    }

    function byId(id) {
        return document.getElementById(id);
    }

    /** A text of the interface by its data attribute on #mandate-matrix-texts; {0}, {1}… replaced in order. */
    function text(name) {
        var holder = byId('mandate-matrix-texts');
        var value = holder ? holder.getAttribute('data-' + name) || '' : '';
        var args = Array.prototype.slice.call(arguments, 1);
        return value.replace(/\{(\d)\}/g, function (all, index) {
            return args[index] === undefined ? all : String(args[index]);
        });
    }

    function el(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined && content !== null) {
            node.textContent = content;
        }
        return node;
    }

    function clear(node) {
        while (node.firstChild) {
            node.removeChild(node.firstChild);
        }
    }

    /** fetch with the session's cookies; resolves to {status, json}. A string body is sent as text/csv. */
    function request(method, path, body) {
        var init = {
            method: method,
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'}
        };
        if (typeof body === 'string') {
            init.headers['Content-Type'] = 'text/csv; charset=UTF-8';
            init.body = body;
        } else if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return fetch(contextPath() + path, init).then(function (response) {
            return response.text().then(function (raw) {
                var json = null;
                try {
                    json = raw ? JSON.parse(raw) : null;
                } catch (e) {
                    json = null;
                }
                return {status: response.status, json: json};
            });
        });
    }

    function reason(reply) {
        if (reply && reply.json && typeof reply.json.message === 'string' && reply.json.message) {
            return reply.json.message;
        }
        return reply && reply.status ? 'HTTP ' + reply.status : String(reply);
    }

    /** Comma-separated input as a list: trimmed, blanks dropped. */
    function list(value) {
        return String(value || '').split(',').map(function (s) {
            return s.trim();
        }).filter(Boolean);
    }

    function blankToNull(value) {
        var v = String(value || '').trim();
        return v === '' ? null : v;
    }

    /** Reloads the page (optionally another address of it) and shows the message as a flag once it is back. */
    function reloadWith(message, search) {
        try {
            window.sessionStorage.setItem(FLAG_KEY, text('saved', message));
        } catch (e) {
            // no session storage: the change is visible in the grid all the same
        }
        if (search !== undefined) {
            window.location.search = search;
        } else {
            window.location.reload();
        }
    }

    function showPendingFlag() {
        var message = null;
        try {
            message = window.sessionStorage.getItem(FLAG_KEY);
            window.sessionStorage.removeItem(FLAG_KEY);
        } catch (e) {
            message = null;
        }
        if (message && window.AJS && typeof window.AJS.flag === 'function') {
            window.AJS.flag({type: 'success', body: window.AJS.escapeHtml(message), close: 'auto'});
        }
    }

    // --- dialogs: open with focus inside, give the focus back to the opener when closed ------------

    var opener = null;

    function openDialog(dialog, from, focusId) {
        opener = from || null;
        if (dialog.getAttribute('data-mandate-bound') !== 'true') {
            dialog.setAttribute('data-mandate-bound', 'true');
            AJS.dialog2(dialog).on('hide', function () {
                if (opener && document.body.contains(opener)) {
                    opener.focus();
                }
            });
        }
        AJS.dialog2(dialog).show();
        var first = focusId ? byId(focusId) : null;
        if (first) {
            window.setTimeout(function () {
                first.focus();
            }, 0);
        }
    }

    function closeDialog(dialog) {
        AJS.dialog2(dialog).hide();
    }

    function message(dialogPrefix, type, content) {
        var area = byId(dialogPrefix + '-dialog-message');
        if (!area) {
            return;
        }
        clear(area);
        if (!content) {
            return;
        }
        var box = el('div', 'aui-message aui-message-' + type);
        box.setAttribute('role', type === 'info' ? 'status' : 'alert');
        box.appendChild(el('p', null, content));
        area.appendChild(box);
    }

    function clearErrors(form) {
        var errors = form.querySelectorAll('.error');
        for (var i = 0; i < errors.length; i++) {
            errors[i].textContent = '';
        }
        var invalid = form.querySelectorAll('[aria-invalid="true"]');
        for (var j = 0; j < invalid.length; j++) {
            invalid[j].removeAttribute('aria-invalid');
        }
    }

    /**
     * Puts each message of the REST 400 errors map next to its field (ids "<prefix>-<field>"); messages for
     * fields the form does not have are returned for the dialog's message. Focuses the first bad field.
     */
    function showFieldErrors(prefix, errors, aliases) {
        var others = [];
        var first = null;
        Object.keys(errors || {}).forEach(function (field) {
            var id = (aliases && aliases[field]) || field;
            var control = byId(prefix + '-' + id);
            var slot = byId(prefix + '-' + id + '-error');
            if (!control || !slot) {
                others.push(field + ': ' + errors[field]);
                return;
            }
            slot.textContent = String(errors[field]);
            control.setAttribute('aria-invalid', 'true');
            first = first || control;
        });
        if (first) {
            first.focus();
        }
        return others;
    }

    function setBusy(button, busy) {
        button.disabled = busy;
        button.setAttribute('aria-disabled', busy ? 'true' : 'false');
    }

    /** The common answer to a failed save: field errors, conflict or another failure. */
    function showFailure(prefix, reply, aliases) {
        if (reply.status === 400) {
            var others = showFieldErrors(prefix, reply.json && reply.json.errors, aliases);
            message(prefix, 'error', others.length ? text('other-errors', others.join(' ')) : text('invalid'));
        } else if (reply.status === 409) {
            showFieldErrors(prefix, reply.json && reply.json.errors, aliases);
            message(prefix, 'warning', reason(reply) + ' ' + text('conflict'));
        } else {
            message(prefix, 'error', text('failed', reason(reply)));
        }
    }

    // --- domains -----------------------------------------------------------------------------------

    var SCOPE = ['projects', 'issueTypes', 'components', 'labels', 'spaces'];
    var domainEdit = null; // {key, version} while editing; null while creating

    function rowOf(node) {
        return node.closest('tr.mandate-matrix-row');
    }

    function openDomainDialog(row, from) {
        var form = byId('mandate-domain-form');
        form.reset();
        clearErrors(form);
        message('mandate-domain', null, null);
        var key = byId('mandate-domain-key');
        if (row) {
            domainEdit = {key: row.getAttribute('data-domain-key'), version: Number(row.getAttribute('data-version'))};
            key.value = domainEdit.key;
            key.readOnly = true;
            byId('mandate-domain-name').value = row.getAttribute('data-name') || '';
            byId('mandate-domain-description').value = row.getAttribute('data-description') || '';
            SCOPE.forEach(function (dimension) {
                var attribute = 'data-' + dimension.replace(/[A-Z]/g, function (c) {
                    return '-' + c.toLowerCase();
                });
                byId('mandate-domain-scope.' + dimension).value = row.getAttribute(attribute) || '';
            });
            byId('mandate-domain-dialog-title').textContent = text('edit-domain') + ' ' + domainEdit.key;
        } else {
            domainEdit = null;
            key.readOnly = false;
            var project = byId('mandate-filter-project');
            if (project && project.value) {
                byId('mandate-domain-scope.projects').value = project.value;
            }
            byId('mandate-domain-dialog-title').textContent = text('create-domain');
        }
        openDialog(byId('mandate-domain-dialog'), from, row ? 'mandate-domain-name' : 'mandate-domain-key');
    }

    function saveDomain() {
        var form = byId('mandate-domain-form');
        var save = byId('mandate-domain-save');
        if (save.disabled) {
            return;
        }
        clearErrors(form);
        var scope = {};
        SCOPE.forEach(function (dimension) {
            scope[dimension] = list(byId('mandate-domain-scope.' + dimension).value);
        });
        var body = {
            key: byId('mandate-domain-key').value.trim(),
            name: byId('mandate-domain-name').value.trim(),
            description: blankToNull(byId('mandate-domain-description').value),
            scope: scope
        };
        var editing = domainEdit;
        if (editing) {
            body.version = editing.version;
        }
        setBusy(save, true);
        message('mandate-domain', 'info', text('saving'));
        var call = editing
            ? request('PUT', API + '/domains/' + encodeURIComponent(editing.key), body)
            : request('POST', API + '/domains', body);
        call.then(function (reply) {
            setBusy(save, false);
            if (reply.status === 200 || reply.status === 201) {
                var key = reply.json && reply.json.key ? reply.json.key : body.key;
                // a new domain: show it (the filters might hide it); an edited one: the same page again
                reloadWith(reply.json && reply.json.name ? key + ' ' + reply.json.name : key,
                    editing ? undefined : '?q=' + encodeURIComponent(key));
            } else {
                showFailure('mandate-domain', reply);
            }
        }, function (problem) {
            setBusy(save, false);
            message('mandate-domain', 'error', text('failed', String(problem)));
        });
    }

    var domainToDelete = null;

    function openDeleteDialog(row, from) {
        domainToDelete = row.getAttribute('data-domain-key');
        message('mandate-delete', null, null);
        byId('mandate-delete-dialog-title').textContent = text('delete-title', domainToDelete);
        byId('mandate-delete-dialog-text').textContent = text('delete-text', domainToDelete,
            row.getAttribute('data-name') || '', row.getAttribute('data-grant-count') || '0');
        openDialog(byId('mandate-delete-dialog'), from, 'mandate-delete-confirm');
    }

    function deleteDomain() {
        var confirm = byId('mandate-delete-confirm');
        if (confirm.disabled || !domainToDelete) {
            return;
        }
        setBusy(confirm, true);
        request('DELETE', API + '/domains/' + encodeURIComponent(domainToDelete)).then(function (reply) {
            setBusy(confirm, false);
            if (reply.status === 204 || reply.status === 200) {
                reloadWith(domainToDelete);
            } else {
                message('mandate-delete', reply.status === 409 ? 'warning' : 'error', reason(reply));
            }
        }, function (problem) {
            setBusy(confirm, false);
            message('mandate-delete', 'error', text('failed', String(problem)));
        });
    }

    // --- grants ------------------------------------------------------------------------------------

    var grantEdit = null; // {id, version} while editing
    var grantDomain = null;

    function openGrantDialog(row, button, from) {
        var form = byId('mandate-grant-form');
        form.reset();
        clearErrors(form);
        message('mandate-grant', null, null);
        grantDomain = row.getAttribute('data-domain-key');
        var remove = byId('mandate-grant-remove');
        if (button) {
            grantEdit = {id: button.getAttribute('data-grant-id'), version: Number(button.getAttribute('data-version'))};
            var type = button.getAttribute('data-holder-type') === 'group' ? 'group' : 'user';
            byId('mandate-grant-holderType-' + type).checked = true;
            byId('mandate-grant-holder').value = button.getAttribute('data-holder-name') || '';
            byId('mandate-grant-level').value = button.getAttribute('data-level') || '5';
            byId('mandate-grant-backup').value = button.getAttribute('data-backup') || '';
            byId('mandate-grant-mentee').value = button.getAttribute('data-mentee') || '';
            byId('mandate-grant-validFrom').value = button.getAttribute('data-valid-from') || '';
            byId('mandate-grant-validTo').value = button.getAttribute('data-valid-to') || '';
            byId('mandate-grant-note').value = button.getAttribute('data-note') || '';
            byId('mandate-grant-dialog-title').textContent = text('edit-grant') + ' — ' + grantDomain;
            remove.hidden = false;
        } else {
            grantEdit = null;
            byId('mandate-grant-level').value = '5';
            byId('mandate-grant-dialog-title').textContent = text('add-grant') + ' — ' + grantDomain;
            remove.hidden = true;
        }
        // a backup or mentee who can no longer act is marked under their field ("Ivy Inactive (inactive)")
        ['backup', 'mentee'].forEach(function (field) {
            var gone = byId('mandate-grant-' + field + '-gone');
            gone.textContent = button ? button.getAttribute('data-' + field + '-label') || '' : '';
            gone.hidden = !gone.textContent;
            gone.setAttribute('data-name', byId('mandate-grant-' + field).value);
        });
        openDialog(byId('mandate-grant-dialog'), from, 'mandate-grant-holder');
    }

    function holderType() {
        return byId('mandate-grant-holderType-group').checked ? 'group' : 'user';
    }

    function saveGrant() {
        var form = byId('mandate-grant-form');
        var save = byId('mandate-grant-save');
        if (save.disabled) {
            return;
        }
        clearErrors(form);
        var holder = byId('mandate-grant-holder').value.trim();
        var body = {
            holder: {type: holderType(), name: holder},
            level: Number(byId('mandate-grant-level').value),
            backup: blankToNull(byId('mandate-grant-backup').value),
            mentee: blankToNull(byId('mandate-grant-mentee').value),
            validFrom: blankToNull(byId('mandate-grant-validFrom').value),
            validTo: blankToNull(byId('mandate-grant-validTo').value),
            note: blankToNull(byId('mandate-grant-note').value)
        };
        var editing = grantEdit;
        if (editing) {
            body.version = editing.version;
        }
        setBusy(save, true);
        message('mandate-grant', 'info', text('saving'));
        var call = editing
            ? request('PUT', API + '/grants/' + encodeURIComponent(editing.id), body)
            : request('POST', API + '/domains/' + encodeURIComponent(grantDomain) + '/grants', body);
        call.then(function (reply) {
            setBusy(save, false);
            if (reply.status === 200 || reply.status === 201) {
                var level = reply.json && reply.json.levelName ? reply.json.levelName : String(body.level);
                reloadWith(grantDomain + ': ' + holder + ' ' + level);
            } else {
                showFailure('mandate-grant', reply);
            }
        }, function (problem) {
            setBusy(save, false);
            message('mandate-grant', 'error', text('failed', String(problem)));
        });
    }

    function removeGrant() {
        var remove = byId('mandate-grant-remove');
        if (!grantEdit || remove.disabled) {
            return;
        }
        setBusy(remove, true);
        request('DELETE', API + '/grants/' + encodeURIComponent(grantEdit.id)).then(function (reply) {
            setBusy(remove, false);
            if (reply.status === 204 || reply.status === 200) {
                reloadWith(grantDomain + ': ' + byId('mandate-grant-holder').value.trim());
            } else {
                message('mandate-grant', 'error', text('failed', reason(reply)));
            }
        }, function (problem) {
            setBusy(remove, false);
            message('mandate-grant', 'error', text('failed', String(problem)));
        });
    }

    /** Suggestions for a holder, backup or mentee field from Jira's user and group pickers (a datalist). */
    var suggestTimer = null;
    var suggestSequence = 0;

    function suggest(input) {
        var query = input.value.trim();
        var listId = input.getAttribute('list');
        var datalist = listId ? byId(listId) : null;
        if (!datalist || query.length < 1) {
            return;
        }
        var groups = input.id === 'mandate-grant-holder' && holderType() === 'group';
        var sequence = ++suggestSequence;
        window.clearTimeout(suggestTimer);
        suggestTimer = window.setTimeout(function () {
            var path = groups ? '/rest/api/2/groups/picker?maxResults=10&query=' : '/rest/api/2/user/picker?maxResults=10&query=';
            request('GET', path + encodeURIComponent(query)).then(function (reply) {
                if (sequence !== suggestSequence || reply.status !== 200 || !reply.json) {
                    return;
                }
                clear(datalist);
                var items = groups ? reply.json.groups || [] : reply.json.users || [];
                items.forEach(function (item) {
                    var option = el('option');
                    option.value = item.name;
                    option.label = groups ? item.name : (item.displayName || item.name);
                    datalist.appendChild(option);
                });
            });
        }, SEARCH_DELAY_MS);
    }

    // --- CSV import with its dry run ---------------------------------------------------------------

    var importText = null;

    function resetImport() {
        importText = null;
        clear(byId('mandate-import-result'));
        var errors = byId('mandate-import-errors');
        errors.hidden = true;
        clear(errors.querySelector('tbody'));
        setBusy(byId('mandate-import-commit'), true);
    }

    function importStatus(type, content) {
        var area = byId('mandate-import-result');
        clear(area);
        var box = el('div', 'aui-message aui-message-' + type);
        box.appendChild(el('p', null, content));
        area.appendChild(box);
    }

    /** A count from the summary: a number, or the length of a list of changes. */
    function count(summary, name) {
        var value = summary ? summary[name] : null;
        if (Array.isArray(value)) {
            return value.length;
        }
        return typeof value === 'number' ? value : 0;
    }

    /** Bad lines, from the body however the import lists them ({line, column, reason} entries). */
    function badLines(json) {
        if (!json) {
            return [];
        }
        var lines = Array.isArray(json.lines) ? json.lines : Array.isArray(json.errors) ? json.errors : null;
        if (lines) {
            return lines;
        }
        // the standard error shape: {"errors": {"line 3, level": "..."}}
        return Object.keys(json.errors || {}).map(function (key) {
            return {line: key, column: '', reason: json.errors[key]};
        });
    }

    function showPreview(reply, committed) {
        var errors = byId('mandate-import-errors');
        var body = errors.querySelector('tbody');
        clear(body);
        errors.hidden = true;
        // the dry run answers 200 with the bad lines in "errors" (a list); the import itself answers 400
        var bad = reply.json && Array.isArray(reply.json.errors) && reply.json.errors.length > 0;
        if (!bad && (reply.status === 200 || reply.status === 201)) {
            var summary = reply.json && reply.json.summary ? reply.json.summary : reply.json;
            var numbers = text('import-added', count(summary, 'added')) + ' ' + text('import-changed', count(summary, 'changed'))
                + ' ' + text('import-removed', count(summary, 'removed'));
            importStatus(committed ? 'success' : 'info', (committed ? text('import-done') : text('import-ok')) + ' ' + numbers);
            return true;
        }
        var lines = badLines(reply.json);
        if (lines.length) {
            lines.forEach(function (line) {
                var row = el('tr', 'mandate-import-error');
                row.appendChild(el('td', null, line.line === undefined ? '' : String(line.line)));
                row.appendChild(el('td', null, line.column === undefined || line.column === null ? '' : String(line.column)));
                row.appendChild(el('td', null, String(line.reason || line.message || '')));
                body.appendChild(row);
            });
            errors.hidden = false;
            importStatus('error', text('import-bad', lines.length));
        } else {
            importStatus('error', text('failed', reason(reply)));
        }
        return false;
    }

    function checkImport() {
        var file = byId('mandate-import-file').files[0];
        resetImport();
        if (!file) {
            importStatus('warning', text('import-choose'));
            byId('mandate-import-file').focus();
            return;
        }
        var check = byId('mandate-import-check');
        setBusy(check, true);
        importStatus('info', text('import-checking'));
        file.text().then(function (content) {
            return request('POST', API + '/matrix.csv?dryRun=true', content).then(function (reply) {
                setBusy(check, false);
                if (showPreview(reply, false)) {
                    importText = content;
                    var commit = byId('mandate-import-commit');
                    setBusy(commit, false);
                    commit.focus();
                }
            });
        }).catch(function (problem) {
            setBusy(check, false);
            importStatus('error', text('failed', String(problem)));
        });
    }

    function commitImport() {
        var commit = byId('mandate-import-commit');
        if (importText === null || commit.disabled) {
            return;
        }
        setBusy(commit, true);
        request('POST', API + '/matrix.csv?dryRun=false', importText).then(function (reply) {
            if (showPreview(reply, true)) {
                importText = null;
                reloadWith(byId('mandate-import-result').textContent);
            } else {
                setBusy(commit, false);
            }
        }, function (problem) {
            setBusy(commit, false);
            importStatus('error', text('failed', String(problem)));
        });
    }

    // --- wiring (delegated) -------------------------------------------------------------------------

    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target : event.target.parentElement;
        if (!target || !byId('mandate-matrix')) {
            return;
        }
        var button = target.closest('button');
        if (!button) {
            return;
        }
        var row = rowOf(button);
        if (button.id === 'mandate-domain-create') {
            openDomainDialog(null, button);
        } else if (button.classList.contains('mandate-domain-edit') && row) {
            openDomainDialog(row, button);
        } else if (button.classList.contains('mandate-domain-delete') && row) {
            openDeleteDialog(row, button);
        } else if (button.classList.contains('mandate-grant-add') && row) {
            openGrantDialog(row, null, button);
        } else if (button.classList.contains('mandate-grant-edit') && row) {
            openGrantDialog(row, button, button);
        } else if (button.id === 'mandate-matrix-import') {
            byId('mandate-import-form').reset();
            resetImport();
            openDialog(byId('mandate-import-dialog'), button, 'mandate-import-file');
        } else if (button.id === 'mandate-delete-confirm') {
            deleteDomain();
        } else if (button.id === 'mandate-grant-remove') {
            removeGrant();
        } else if (button.id === 'mandate-import-check') {
            checkImport();
        } else if (button.id === 'mandate-import-commit') {
            commitImport();
        } else if (button.classList.contains('mandate-dialog-cancel')) {
            closeDialog(button.closest('.aui-dialog2'));
        }
    });

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form || !form.id) {
            return;
        }
        if (form.id === 'mandate-domain-form') {
            event.preventDefault();
            saveDomain();
        } else if (form.id === 'mandate-grant-form') {
            event.preventDefault();
            saveGrant();
        } else if (form.id === 'mandate-import-form') {
            event.preventDefault();
            checkImport();
        }
    });

    document.addEventListener('input', function (event) {
        var input = event.target;
        if (input && (input.id === 'mandate-grant-holder' || input.getAttribute && input.getAttribute('data-suggest') === 'user')) {
            suggest(input);
        }
        var gone = input && input.id ? document.getElementById(input.id + '-gone') : null;
        if (gone && gone.textContent) {
            // the mark names the stored person: shown while the field still names them
            gone.hidden = input.value.trim() !== gone.getAttribute('data-name');
        }
    });

    document.addEventListener('change', function (event) {
        if (event.target && event.target.id === 'mandate-import-file') {
            resetImport();
        }
    });

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', showPendingFlag);
    } else {
        showPendingFlag();
    }
}());
