/*
 * Mandate: the decision panel's edit and history dialogs on the issue view.
 *
 * The panel itself is rendered by the server (templates/decision/decision-panel.vm) and reads
 * without this script. The script opens the AUI dialogs rendered next to it, talks to the REST
 * API (/rest/mandate/1.0/decisions/{issueKey}) and to Jira's user and group pickers, and after a
 * save swaps #mandate-decision-panel for a fresh server rendering of the issue page.
 *
 * Every text that comes from the server or from people (names, outcomes, error messages, history
 * values) enters the page through textContent, never as markup. The texts of the interface come
 * from the data attributes of #mandate-decision-texts, which the template renders in the user's
 * language.
 */
(function () {
    'use strict';

    var SEARCH_DELAY_MS = 150;
    var SUGGESTIONS = 10;

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

    /** A text of the interface, by its data attribute name on #mandate-decision-texts. */
    function text(name, argument) {
        var holder = document.getElementById('mandate-decision-texts');
        var value = holder ? holder.getAttribute('data-' + name) || '' : '';
        return argument === undefined ? value : value.replace('{0}', function () {
            return String(argument);
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

    function issueKey() {
        var panel = document.getElementById('mandate-decision-panel');
        return panel ? panel.getAttribute('data-issue-key') : null;
    }

    function decisionUrl(suffix) {
        return contextPath() + '/rest/mandate/1.0/decisions/' + encodeURIComponent(issueKey()) + (suffix || '');
    }

    /** fetch with the session's cookies; resolves to {status, json} (json null when the body is not JSON). */
    function request(method, url, body) {
        var init = {
            method: method,
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'X-Atlassian-Token': 'no-check'}
        };
        if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return fetch(url, init).then(function (response) {
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

    /** The server's own words for a failed call, or the HTTP status when it sent none. */
    function reason(reply) {
        if (reply && reply.json && typeof reply.json.message === 'string' && reply.json.message) {
            return reply.json.message;
        }
        return reply && reply.status ? 'HTTP ' + reply.status : String(reply);
    }

    function initials(label) {
        var parts = String(label).trim().split(/\s+/).filter(Boolean);
        var letters = parts.length > 1 ? parts[0].charAt(0) + parts[parts.length - 1].charAt(0) : String(label).charAt(0);
        return letters.toUpperCase();
    }

    /** A small round avatar with initials, coloured by name so a person keeps one colour. */
    function avatar(item) {
        var node = el('span', 'mandate-avatar' + (item.type === 'group' ? ' mandate-avatar-group' : ''),
            item.type === 'group' ? '' : initials(item.label));
        node.setAttribute('aria-hidden', 'true');
        if (item.type === 'group') {
            node.appendChild(el('span', 'aui-icon aui-icon-small aui-iconfont-people-group'));
            return node;
        }
        var hash = 0;
        for (var i = 0; i < item.name.length; i++) {
            hash = (hash * 31 + item.name.charCodeAt(i)) % 360;
        }
        node.style.backgroundColor = 'hsl(' + hash + ', 45%, 42%)';
        return node;
    }

    function flag(type, message) {
        if (window.AJS && typeof window.AJS.flag === 'function') {
            window.AJS.flag({type: type, body: window.AJS.escapeHtml(message), close: 'auto'});
        }
    }

    // --- the picker: an ARIA 1.2 combobox with a listbox of suggestions --------------------

    /**
     * A user picker (one or many people) or, with data-groups="true", a picker of users and groups.
     * Items are {type: 'user'|'group', name, label}.
     */
    function Picker(root) {
        this.root = root;
        this.field = root.getAttribute('data-field');
        this.multiple = root.getAttribute('data-multiple') === 'true';
        this.groups = root.getAttribute('data-groups') === 'true';
        this.input = root.querySelector('.mandate-picker-input');
        this.tokens = root.querySelector('.mandate-picker-tokens');
        this.listbox = root.querySelector('.mandate-picker-options');
        this.status = root.querySelector('.mandate-picker-status');
        this.placeholder = this.input.getAttribute('placeholder') || '';
        this.selected = [];
        this.options = [];
        this.active = -1;
        this.sequence = 0;
        this.timer = null;
        this.bind();
    }

    Picker.prototype.bind = function () {
        var self = this;
        this.input.addEventListener('input', function () {
            self.scheduleSearch();
        });
        this.input.addEventListener('keydown', function (event) {
            self.onKey(event);
        });
        this.input.addEventListener('blur', function () {
            self.close();
        });
        this.root.addEventListener('click', function (event) {
            if (event.target === self.root || event.target === self.tokens) {
                self.input.focus();
            }
        });
        // keep the focus in the input while an option is clicked
        this.listbox.addEventListener('mousedown', function (event) {
            event.preventDefault();
        });
        this.listbox.addEventListener('click', function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                self.choose(Number(option.getAttribute('data-index')));
            }
        });
    };

    Picker.prototype.set = function (items) {
        this.selected = this.multiple ? items.slice() : items.slice(0, 1);
        this.input.value = '';
        this.close();
        this.renderTokens();
    };

    /** The value for the REST input: a username (or null), a list of usernames, or informed entries. */
    Picker.prototype.value = function () {
        if (this.groups) {
            return this.selected.map(function (item) {
                return {type: item.type, name: item.name};
            });
        }
        var names = this.selected.map(function (item) {
            return item.name;
        });
        return this.multiple ? names : (names[0] || null);
    };

    Picker.prototype.hasUnchosenText = function () {
        return this.input.value.trim() !== '';
    };

    Picker.prototype.renderTokens = function () {
        var self = this;
        clear(this.tokens);
        this.selected.forEach(function (item, index) {
            var token = el('li', 'mandate-token');
            token.appendChild(avatar(item));
            token.appendChild(el('span', 'mandate-token-label', item.label));
            if (item.type === 'group') {
                token.appendChild(el('span', 'aui-lozenge aui-lozenge-subtle mandate-token-kind', text('group')));
            }
            var remove = el('button', 'mandate-token-remove');
            remove.type = 'button';
            remove.setAttribute('aria-label', text('remove', item.label));
            remove.title = text('remove', item.label);
            var icon = el('span', 'aui-icon aui-icon-small aui-iconfont-cross');
            icon.setAttribute('aria-hidden', 'true');
            remove.appendChild(icon);
            remove.addEventListener('click', function () {
                self.selected.splice(index, 1);
                self.renderTokens();
                self.input.focus();
            });
            token.appendChild(remove);
            self.tokens.appendChild(token);
        });
        this.tokens.hidden = this.selected.length === 0;
        this.input.setAttribute('placeholder', this.selected.length === 0 ? this.placeholder : '');
    };

    Picker.prototype.scheduleSearch = function () {
        var self = this;
        window.clearTimeout(this.timer);
        var query = this.input.value.trim();
        if (query === '') {
            this.sequence++;
            this.close();
            return;
        }
        this.timer = window.setTimeout(function () {
            self.search(query);
        }, SEARCH_DELAY_MS);
    };

    Picker.prototype.search = function (query) {
        var self = this;
        var sequence = ++this.sequence;
        this.status.textContent = text('searching');
        var exclude = this.selected.map(function (item) {
            return '&exclude=' + encodeURIComponent(item.name);
        }).join('');
        var base = contextPath() + '/rest/api/2/';
        var calls = [request('GET', base + 'user/picker?maxResults=' + SUGGESTIONS + '&query=' + encodeURIComponent(query) + exclude)];
        if (this.groups) {
            calls.push(request('GET', base + 'groups/picker?maxResults=' + SUGGESTIONS + '&query=' + encodeURIComponent(query) + exclude));
        }
        Promise.all(calls).then(function (replies) {
            if (sequence !== self.sequence) {
                return; // a newer search has started meanwhile
            }
            if (replies.some(function (r) {
                return r.status !== 200 || !r.json;
            })) {
                self.showOptions([], text('picker-failed'));
                return;
            }
            var chosen = {};
            self.selected.forEach(function (item) {
                chosen[item.type + ':' + item.name] = true;
            });
            var options = (replies[0].json.users || []).map(function (u) {
                return {type: 'user', name: u.name, label: u.displayName || u.name};
            });
            if (replies[1]) {
                options = options.concat((replies[1].json.groups || []).map(function (g) {
                    return {type: 'group', name: g.name, label: g.name};
                }));
            }
            if (self.field === 'approver') {
                options = approversFirst(options, query);
            }
            self.showOptions(options.filter(function (o) {
                return !chosen[o.type + ':' + o.name];
            }), null, query);
        }, function () {
            if (sequence === self.sequence) {
                self.showOptions([], text('picker-failed'));
            }
        });
    };

    /**
     * The people who may approve in the decision's domain, as the panel rendered them (#mandate-may-approve):
     * those matching the query come first, marked, then the other suggestions.
     */
    function approversFirst(options, query) {
        var list = document.getElementById('mandate-may-approve');
        if (!list) {
            return options;
        }
        var q = query.toLowerCase();
        var first = [];
        var seen = {};
        Array.prototype.forEach.call(list.querySelectorAll('li[data-name]'), function (li) {
            var name = li.getAttribute('data-name');
            var label = li.getAttribute('data-label') || name;
            if (name.toLowerCase().indexOf(q) >= 0 || label.toLowerCase().indexOf(q) >= 0) {
                first.push({type: 'user', name: name, label: label, mayApprove: true});
                seen[name] = true;
            }
        });
        return first.concat(options.filter(function (o) {
            return !seen[o.name];
        }));
    }

    Picker.prototype.showOptions = function (options, problem, query) {
        var self = this;
        this.options = options;
        clear(this.listbox);
        options.forEach(function (option, index) {
            var li = el('li', 'mandate-option');
            li.id = self.input.id + '-option-' + index;
            li.setAttribute('role', 'option');
            li.setAttribute('aria-selected', 'false');
            li.setAttribute('data-index', String(index));
            li.setAttribute('data-name', option.name);
            li.appendChild(avatar(option));
            var label = el('span', 'mandate-option-label');
            var full = option.label;
            if (query && full.toLowerCase().indexOf(query.toLowerCase()) === 0) {
                // the typed start in bold, built from text nodes (the pickers' html field is not used)
                label.appendChild(el('strong', null, full.substring(0, query.length)));
                label.appendChild(document.createTextNode(full.substring(query.length)));
            } else {
                label.textContent = full;
            }
            li.appendChild(label);
            li.appendChild(option.type === 'group'
                ? el('span', 'aui-lozenge aui-lozenge-subtle mandate-token-kind', text('group'))
                : el('span', 'mandate-option-detail', option.name));
            if (option.mayApprove) {
                li.classList.add('mandate-option-may-approve');
                li.appendChild(el('span', 'aui-lozenge aui-lozenge-success aui-lozenge-subtle mandate-may-approve', text('may-approve')));
            }
            self.listbox.appendChild(li);
        });
        if (options.length === 0) {
            var empty = el('li', 'mandate-option-empty', problem || text('no-matches'));
            empty.setAttribute('role', 'presentation');
            this.listbox.appendChild(empty);
        }
        this.listbox.hidden = false;
        this.input.setAttribute('aria-expanded', 'true');
        this.status.textContent = options.length ? text('suggestions', options.length) : (problem || text('no-matches'));
        this.activate(options.length ? 0 : -1);
    };

    Picker.prototype.activate = function (index) {
        var items = this.listbox.querySelectorAll('[role="option"]');
        this.active = index;
        for (var i = 0; i < items.length; i++) {
            var on = i === index;
            items[i].setAttribute('aria-selected', on ? 'true' : 'false');
            items[i].classList.toggle('mandate-option-active', on);
            if (on) {
                items[i].scrollIntoView({block: 'nearest'});
            }
        }
        if (index >= 0 && items[index]) {
            this.input.setAttribute('aria-activedescendant', items[index].id);
        } else {
            this.input.removeAttribute('aria-activedescendant');
        }
    };

    Picker.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Picker.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute('aria-expanded', 'false');
        this.input.removeAttribute('aria-activedescendant');
        this.active = -1;
    };

    Picker.prototype.choose = function (index) {
        var option = this.options[index];
        if (!option) {
            return;
        }
        if (this.multiple) {
            this.selected.push(option);
        } else {
            this.selected = [option];
        }
        this.sequence++;
        this.input.value = '';
        this.close();
        this.status.textContent = '';
        this.renderTokens();
        this.input.focus();
    };

    Picker.prototype.onKey = function (event) {
        var count = this.options.length;
        switch (event.key) {
            case 'ArrowDown':
                event.preventDefault();
                if (!this.isOpen()) {
                    if (this.input.value.trim()) {
                        this.search(this.input.value.trim());
                    }
                } else if (count) {
                    this.activate((this.active + 1) % count);
                }
                break;
            case 'ArrowUp':
                event.preventDefault();
                if (this.isOpen() && count) {
                    this.activate((this.active - 1 + count) % count);
                }
                break;
            case 'Enter':
                if (this.isOpen()) {
                    // Enter picks the highlighted suggestion; with the list closed it submits the form
                    event.preventDefault();
                    if (this.active >= 0) {
                        this.choose(this.active);
                    } else {
                        this.close();
                    }
                }
                break;
            case 'Escape':
                if (this.isOpen()) {
                    // the first Escape closes the suggestions, not the dialog
                    event.preventDefault();
                    event.stopPropagation();
                    this.close();
                }
                break;
            case 'Backspace':
                if (this.multiple && this.input.value === '' && this.selected.length) {
                    this.selected.pop();
                    this.renderTokens();
                }
                break;
            default:
                break;
        }
    };

    // --- the edit dialog ----------------------------------------------------------------------

    var editor = {
        version: null,
        domain: null,
        pickers: {},
        busy: false
    };

    function editDialog() {
        return document.getElementById('mandate-decision-dialog');
    }

    function form() {
        return document.getElementById('mandate-decision-form');
    }

    function setBusy(busy) {
        editor.busy = busy;
        form().setAttribute('aria-busy', busy ? 'true' : 'false');
        var save = document.getElementById('mandate-decision-save');
        save.disabled = busy;
        save.setAttribute('aria-disabled', busy ? 'true' : 'false');
    }

    function initPickers() {
        if (Object.keys(editor.pickers).length) {
            return;
        }
        var roots = editDialog().querySelectorAll('.mandate-picker');
        for (var i = 0; i < roots.length; i++) {
            var picker = new Picker(roots[i]);
            editor.pickers[picker.field] = picker;
        }
    }

    /** The message at the top of the dialog; screen readers announce it as it appears. */
    function showMessage(type, message, action) {
        var area = document.getElementById('mandate-decision-dialog-message');
        clear(area);
        if (!message) {
            return;
        }
        var box = el('div', 'aui-message aui-message-' + type);
        // problems interrupt (alert); progress is announced politely (status)
        box.setAttribute('role', type === 'info' ? 'status' : 'alert');
        box.appendChild(el('p', null, message));
        if (action) {
            var actions = el('p', 'mandate-message-actions');
            var button = el('button', 'aui-button', action.label);
            button.type = 'button';
            button.id = action.id;
            button.addEventListener('click', action.run);
            actions.appendChild(button);
            box.appendChild(actions);
        }
        area.appendChild(box);
    }

    function fieldControl(field) {
        return document.getElementById('mandate-decision-' + field);
    }

    function clearErrors() {
        var errors = editDialog().querySelectorAll('.field-group .error');
        for (var i = 0; i < errors.length; i++) {
            errors[i].textContent = '';
        }
        var invalid = editDialog().querySelectorAll('[aria-invalid="true"]');
        for (var j = 0; j < invalid.length; j++) {
            invalid[j].removeAttribute('aria-invalid');
        }
        var pickers = editDialog().querySelectorAll('.mandate-picker-invalid');
        for (var k = 0; k < pickers.length; k++) {
            pickers[k].classList.remove('mandate-picker-invalid');
        }
    }

    /** Shows each field's message next to it; returns the messages of fields the form does not have. */
    function showFieldErrors(errors) {
        var others = [];
        var first = null;
        Object.keys(errors || {}).forEach(function (field) {
            var control = fieldControl(field);
            var slot = document.getElementById('mandate-decision-' + field + '-error');
            if (!control || !slot) {
                others.push(field + ': ' + errors[field]);
                return;
            }
            slot.textContent = String(errors[field]);
            control.setAttribute('aria-invalid', 'true');
            var picker = control.closest('.mandate-picker');
            if (picker) {
                picker.classList.add('mandate-picker-invalid');
            }
            first = first || control;
        });
        return {others: others, first: first};
    }

    function userItem(user) {
        return user ? [{type: 'user', name: user.name, label: user.displayName || user.name}] : [];
    }

    function fill(decision) {
        var d = decision || {};
        document.getElementById('mandate-decision-status').value = d.status || 'OPEN';
        editor.pickers.driver.set(userItem(d.driver));
        editor.pickers.approver.set(userItem(d.approver));
        editor.pickers.contributors.set((d.contributors || []).map(function (u) {
            return userItem(u)[0];
        }));
        editor.pickers.informed.set((d.informed || []).map(function (i) {
            return {type: i.type, name: i.name, label: i.name};
        }));
        document.getElementById('mandate-decision-dueDate').value = d.dueDate || '';
        document.getElementById('mandate-decision-reviewDate').value = d.reviewDate || '';
        document.getElementById('mandate-decision-outcome').value = d.outcome || '';
        editor.version = decision ? decision.version : null;
        // the choice "from the scope rules" (empty) unless the domain was set by hand
        editor.domain = decision && decision.domainSetByHand ? decision.domain : null;
        selectDomain(editor.domain);
        document.getElementById('mandate-decision-dialog-title').textContent =
            text(decision ? 'title-edit' : 'title-record');
    }

    /** Selects a domain set by hand, adding it when the list does not have it (empty = from the scope rules). */
    function selectDomain(key) {
        var select = document.getElementById('mandate-decision-domain');
        if (!select) {
            return;
        }
        if (key && !Array.prototype.some.call(select.options, function (o) { return o.value === key; })) {
            var option = document.createElement('option');
            option.value = key;
            option.textContent = key;
            select.appendChild(option);
        }
        select.value = key || '';
    }

    /**
     * Fills the domain list from GET /domains (everyone logged in may read it), once per page. A failure leaves
     * the choice "from the scope rules" and a domain set by hand, so the dialog still saves what it shows.
     */
    function loadDomains() {
        var select = document.getElementById('mandate-decision-domain');
        if (!select || select.getAttribute('data-mandate-loaded') === 'true') {
            return Promise.resolve();
        }
        return request('GET', contextPath() + '/rest/mandate/1.0/domains?maxResults=1000').then(function (reply) {
            if (reply.status !== 200 || !reply.json || !Array.isArray(reply.json.values)) {
                return;
            }
            select.setAttribute('data-mandate-loaded', 'true');
            reply.json.values.forEach(function (domain) {
                if (Array.prototype.some.call(select.options, function (o) { return o.value === domain.key; })) {
                    return;
                }
                var option = document.createElement('option');
                option.value = domain.key;
                option.textContent = domain.key + ' \u2014 ' + domain.name;
                select.appendChild(option);
            });
        }, function () {
            // the list stays as it is; the message of the failed decision load (if any) says more
        });
    }

    /** Loads the current decision into the form (empty form when the issue has none yet). */
    function load() {
        setBusy(true);
        clearErrors();
        showMessage('info', text('loading'));
        return loadDomains().then(function () {
            return request('GET', decisionUrl());
        }).then(function (reply) {
            if (reply.status === 200 && reply.json) {
                fill(reply.json);
                showMessage();
            } else if (reply.status === 404) {
                fill(null);
                showMessage();
            } else {
                showMessage('error', text('load-failed', reason(reply)));
            }
            setBusy(false);
        }, function (problem) {
            showMessage('error', text('load-failed', String(problem)));
            setBusy(false);
        });
    }

    /** Once per dialog: when it closes, the focus goes back to the button that opened it. */
    function returnFocusOnHide(dialog, buttonId) {
        if (dialog.getAttribute('data-mandate-bound') === 'true') {
            return;
        }
        dialog.setAttribute('data-mandate-bound', 'true');
        AJS.dialog2(dialog).on('hide', function () {
            var button = document.getElementById(buttonId);
            if (button) {
                button.focus();
            }
        });
    }

    function openEditor() {
        initPickers();
        returnFocusOnHide(editDialog(), 'mandate-decision-edit');
        AJS.dialog2(editDialog()).show();
        load();
    }

    function input() {
        var due = document.getElementById('mandate-decision-dueDate').value;
        var review = document.getElementById('mandate-decision-reviewDate').value;
        var outcome = document.getElementById('mandate-decision-outcome').value;
        var body = {
            status: document.getElementById('mandate-decision-status').value,
            driver: editor.pickers.driver.value(),
            approver: editor.pickers.approver.value(),
            contributors: editor.pickers.contributors.value(),
            informed: editor.pickers.informed.value(),
            dueDate: due || null,
            reviewDate: review || null,
            outcome: outcome.trim() ? outcome : null
        };
        if (editor.version !== null) {
            body.version = editor.version;
        }
        var domain = document.getElementById('mandate-decision-domain');
        var chosen = domain ? domain.value : editor.domain;
        if (chosen) {
            body.domain = chosen;
        }
        return body;
    }

    function save() {
        if (editor.busy) {
            return;
        }
        clearErrors();
        var unchosen = {};
        Object.keys(editor.pickers).forEach(function (field) {
            if (editor.pickers[field].hasUnchosenText()) {
                unchosen[field] = text('unchosen');
            }
        });
        if (Object.keys(unchosen).length) {
            var local = showFieldErrors(unchosen);
            showMessage('error', text('invalid'));
            local.first.focus();
            return;
        }
        setBusy(true);
        showMessage('info', text('saving'));
        request('PUT', decisionUrl(), input()).then(function (reply) {
            setBusy(false);
            if (reply.status === 200 || reply.status === 201) {
                showMessage();
                AJS.dialog2(editDialog()).hide();
                refreshPanel().then(function () {
                    var edit = document.getElementById('mandate-decision-edit');
                    if (edit) {
                        edit.focus();
                    }
                    flag('success', text('saved'));
                });
            } else if (reply.status === 400) {
                var shown = showFieldErrors(reply.json && reply.json.errors);
                showMessage('error', shown.others.length ? text('other-errors', shown.others.join(' ')) : text('invalid'));
                if (shown.first) {
                    shown.first.focus();
                }
            } else if (reply.status === 409) {
                showMessage('warning', text('conflict'), {
                    id: 'mandate-decision-reload',
                    label: text('reload'),
                    run: function () {
                        load().then(refreshPanel).then(function () {
                            document.getElementById('mandate-decision-status').focus();
                        });
                    }
                });
                var reload = document.getElementById('mandate-decision-reload');
                if (reload) {
                    reload.focus();
                }
            } else {
                showMessage('error', text('failed', reason(reply)));
            }
        }, function (problem) {
            setBusy(false);
            showMessage('error', text('failed', String(problem)));
        });
    }

    /** Replaces the panel with the server's fresh rendering of it (no full page reload). */
    function refreshPanel() {
        var key = issueKey();
        var issuePath = contextPath() + '/browse/' + encodeURIComponent(key);
        // on the issue's own page ask for the same address, so the panel keeps the page's parameters
        var url = window.location.pathname === issuePath ? issuePath + window.location.search : issuePath;
        return fetch(url, {
            credentials: 'same-origin',
            headers: {'Accept': 'text/html'}
        }).then(function (response) {
            return response.ok ? response.text() : null;
        }).then(function (html) {
            if (!html) {
                return;
            }
            // DOMParser never runs scripts; the markup is the host's escaped Velocity output
            var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('mandate-decision-panel');
            var current = document.getElementById('mandate-decision-panel');
            if (fresh && current && fresh.getAttribute('data-issue-key') === key) {
                current.parentNode.replaceChild(document.importNode(fresh, true), current);
            }
        }, function () {
            // the save worked; a panel that could not be refreshed shows the change after a reload
        });
    }

    // --- the history dialog -------------------------------------------------------------------

    /**
     * A history value. People come as user objects in beforeValue/afterValue (current names; a
     * user the host no longer knows shows the stored key) and are shown by display name, the
     * username in the tooltip; informed groups get the group lozenge. Everything else is text.
     */
    function historyValue(field, value, people) {
        if (people !== null && people !== undefined) {
            var list = Array.isArray(people) ? people : [people];
            if (list.length === 0) {
                return el('span', 'mandate-none', text('none'));
            }
            var span = el('span', 'mandate-history-people');
            list.forEach(function (person, index) {
                if (index > 0) {
                    span.appendChild(document.createTextNode(', '));
                }
                var group = person.type === 'group';
                var item = el('span', 'mandate-history-person',
                    group ? person.name : person.displayName || person.name || person.key || '');
                if (!group && person.name) {
                    item.title = person.name;
                }
                span.appendChild(item);
                if (group) {
                    span.appendChild(el('span', 'aui-lozenge aui-lozenge-subtle mandate-token-kind', text('group')));
                }
            });
            return span;
        }
        if (value === null || value === undefined || value === '') {
            return el('span', 'mandate-none', text('none'));
        }
        if (field === 'status' || field === 'decision') {
            var name = text('status-' + String(value).toLowerCase());
            if (name) {
                return el('span', null, name);
            }
        }
        return el('span', 'mandate-history-value', String(value));
    }

    function fieldName(field) {
        var attribute = 'field-' + String(field).replace(/[A-Z]/g, function (c) {
            return '-' + c.toLowerCase();
        });
        return text(attribute) || String(field);
    }

    function when(instant) {
        var date = new Date(instant);
        if (isNaN(date.getTime())) {
            return el('span', null, String(instant));
        }
        var node = el('time', null, date.toLocaleString(document.documentElement.lang || undefined,
            {dateStyle: 'medium', timeStyle: 'short'}));
        node.setAttribute('datetime', instant);
        node.title = instant;
        return node;
    }

    function openHistory() {
        var dialog = document.getElementById('mandate-history-dialog');
        var status = document.getElementById('mandate-history-status');
        var table = document.getElementById('mandate-history-table');
        var body = table.querySelector('tbody');
        clear(body);
        table.hidden = true;
        status.hidden = false;
        status.textContent = text('history-loading');
        dialog.setAttribute('aria-busy', 'true');
        returnFocusOnHide(dialog, 'mandate-decision-history');
        AJS.dialog2(dialog).show();
        request('GET', decisionUrl('/history')).then(function (reply) {
            dialog.setAttribute('aria-busy', 'false');
            if (reply.status !== 200 || !Array.isArray(reply.json)) {
                status.textContent = text('history-failed', reason(reply));
                return;
            }
            if (reply.json.length === 0) {
                status.textContent = text('history-empty');
                return;
            }
            // the API answers newest first
            reply.json.forEach(function (entry) {
                var row = el('tr', 'mandate-history-entry');
                var at = el('td', 'mandate-history-when');
                at.appendChild(when(entry.at));
                row.appendChild(at);
                var author = entry.author || {};
                row.appendChild(el('td', 'mandate-history-who', author.displayName || author.name || ''));
                row.appendChild(el('td', 'mandate-history-field', fieldName(entry.field)));
                var before = el('td', 'mandate-history-before');
                before.appendChild(historyValue(entry.field, entry.before, entry.beforeValue));
                row.appendChild(before);
                var after = el('td', 'mandate-history-after');
                after.appendChild(historyValue(entry.field, entry.after, entry.afterValue));
                row.appendChild(after);
                body.appendChild(row);
            });
            status.textContent = '';
            status.hidden = true;
            table.hidden = false;
        }, function (problem) {
            dialog.setAttribute('aria-busy', 'false');
            status.textContent = text('history-failed', String(problem));
        });
    }

    // --- wiring: delegated, so a refreshed panel needs no new handlers ------------------------

    document.addEventListener('click', function (event) {
        var target = event.target.closest ? event.target : event.target.parentElement;
        if (!target) {
            return;
        }
        if (target.closest('#mandate-decision-edit')) {
            event.preventDefault();
            openEditor();
        } else if (target.closest('#mandate-decision-history')) {
            event.preventDefault();
            openHistory();
        } else if (target.closest('#mandate-decision-cancel')) {
            AJS.dialog2(editDialog()).hide();
        } else if (target.closest('#mandate-history-close')) {
            AJS.dialog2(document.getElementById('mandate-history-dialog')).hide();
        }
    });

    document.addEventListener('submit', function (event) {
        if (event.target && event.target.id === 'mandate-decision-form') {
            event.preventDefault();
            save();
        }
    });

    // Ctrl+Enter (Cmd+Enter) saves from the outcome, where Enter starts a new line
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target
            && event.target.id === 'mandate-decision-outcome') {
            event.preventDefault();
            save();
        }
    });
}());
