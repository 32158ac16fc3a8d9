/*
 * Mandate: the team charter editor in Confluence (templates/charter/editor.vm).
 *
 * The form is rendered by the server with the charter's current values. This script adds and removes member rows
 * and saves with PUT /rest/mandate/1.0/charters/KEY (docs/rest-api.md), which checks everything again: each field the
 * API names as wrong gets its message beside it (the input is marked aria-invalid and described by the message), and
 * the first wrong field gets the focus. Texts from the server enter the page through textContent, never as markup.
 * After saving, the viewer goes back to the page they came from (the page with the charter macro) when it is a
 * Confluence page of this site, or stays here with a confirmation.
 */
(function () {
    'use strict';

    function byId(id) {
        return document.getElementById(id);
    }

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

    /** The page the viewer came from, if it is a page of this Confluence; null otherwise. */
    function returnTo() {
        try {
            var from = new URL(document.referrer);
            if (from.origin === window.location.origin && from.pathname.indexOf(contextPath() + '/') === 0
                    && from.pathname.indexOf('/plugins/servlet/mandate/charter') < 0) {
                return from.pathname + from.search;
            }
        } catch (e) {
            // no referrer, or not a URL
        }
        return null;
    }

    function list(value) {
        return String(value || '').split(',').map(function (s) {
            return s.trim();
        }).filter(Boolean);
    }

    function show(node, message) {
        (node.querySelector('p') || node).textContent = message;
        node.classList.remove('mandate-hidden');
    }

    function clearErrors(form) {
        Array.prototype.forEach.call(form.querySelectorAll('.mandate-field-error'), function (e) {
            e.textContent = '';
        });
        Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (e) {
            e.removeAttribute('aria-invalid');
        });
        byId('mandate-charter-form-error').classList.add('mandate-hidden');
    }

    /**
     * The inputs a field's message belongs to. For "members" these are the username fields the message names (the API
     * lists every unknown or repeated username), or the first one when it names none of them.
     */
    function inputsOf(field, message) {
        if (field !== 'members') {
            var input = byId('mandate-charter-' + field);
            return input ? [input] : [];
        }
        var named = String(message).toLowerCase().split(/[\s,.:;()]+/).filter(Boolean);
        var inputs = Array.prototype.slice.call(document.querySelectorAll('#mandate-charter-member-rows .mandate-charter-member-name'));
        var wrong = inputs.filter(function (input) {
            var name = input.value.trim().toLowerCase();
            return name !== '' && named.indexOf(name) >= 0;
        });
        if (wrong.length > 0) {
            return wrong;
        }
        var first = document.querySelector('#mandate-charter-member-rows input') || byId('mandate-charter-member-add');
        return first ? [first] : [];
    }

    function body(form) {
        var members = [];
        Array.prototype.forEach.call(form.querySelectorAll('.mandate-charter-member-row'), function (row) {
            var name = row.querySelector('.mandate-charter-member-name').value.trim();
            var role = row.querySelector('.mandate-charter-member-role').value.trim();
            if (name !== '' || role !== '') {
                members.push({name: name, role: role === '' ? null : role});
            }
        });
        var json = {
            teamKey: byId('mandate-charter-teamKey').value.trim().toUpperCase(),
            name: byId('mandate-charter-name').value,
            space: byId('mandate-charter-space').value.trim(),
            purpose: byId('mandate-charter-purpose').value,
            members: members,
            domains: list(byId('mandate-charter-domains').value)
        };
        var version = form.getAttribute('data-version');
        if (version) {
            json.version = parseInt(version, 10);
        }
        return json;
    }

    function addRow(focus) {
        var template = byId('mandate-charter-member-template');
        var row = template.content.firstElementChild.cloneNode(true);
        document.querySelector('#mandate-charter-member-rows tbody').appendChild(row);
        if (focus) {
            row.querySelector('.mandate-charter-member-name').focus();
        }
    }

    function save(form) {
        clearErrors(form);
        var json = body(form);
        var button = byId('mandate-charter-save');
        button.setAttribute('aria-disabled', 'true');
        button.disabled = true;
        var key = json.teamKey === '' ? '-' : json.teamKey;
        fetch(form.getAttribute('data-api') + encodeURIComponent(key), {
            method: 'PUT',
            credentials: 'same-origin',
            headers: {'Accept': 'application/json', 'Content-Type': 'application/json'},
            body: JSON.stringify(json)
        }).then(function (response) {
            return response.text().then(function (raw) {
                var reply = null;
                try {
                    reply = raw ? JSON.parse(raw) : null;
                } catch (e) {
                    reply = null;
                }
                return {status: response.status, json: reply};
            });
        }).then(function (reply) {
            button.disabled = false;
            button.removeAttribute('aria-disabled');
            if (reply.status === 200) {
                var back = returnTo();
                if (back) {
                    window.location.assign(back);
                    return;
                }
                form.setAttribute('data-version', String(reply.json.version));
                byId('mandate-charter-teamKey').readOnly = true;
                var saved = byId('mandate-charter-saved');
                saved.classList.remove('mandate-hidden');
                byId('mandate-charter-back').setAttribute('href', contextPath() + '/');
                saved.focus();
                return;
            }
            var errors = reply.json && reply.json.errors ? reply.json.errors : {};
            var first = null;
            Object.keys(errors).forEach(function (field) {
                var holder = form.querySelector('.mandate-field-error[data-field="' + field + '"]');
                if (holder) {
                    holder.textContent = String(errors[field]);
                    inputsOf(field, errors[field]).forEach(function (input) {
                        input.setAttribute('aria-invalid', 'true');
                        if (field === 'members') {
                            // the message is below the table: each wrong row's field points at it
                            input.setAttribute('aria-describedby', 'mandate-charter-members-error');
                        }
                        first = first || input;
                    });
                }
            });
            var message = reply.json && reply.json.message ? String(reply.json.message) : 'HTTP ' + reply.status;
            var formError = byId('mandate-charter-form-error');
            show(formError, message);
            (first || formError).focus();
        }).catch(function (e) {
            button.disabled = false;
            button.removeAttribute('aria-disabled');
            var formError = byId('mandate-charter-form-error');
            show(formError, String(e && e.message ? e.message : e));
            formError.focus();
        });
    }

    function init() {
        var form = byId('mandate-charter-form');
        if (!form) {
            return;
        }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            save(form);
        });
        byId('mandate-charter-member-add').addEventListener('click', function () {
            addRow(true);
        });
        form.addEventListener('click', function (event) {
            var remove = event.target.closest ? event.target.closest('.mandate-charter-member-remove') : null;
            if (remove) {
                var row = remove.closest('tr');
                var next = row.nextElementSibling || row.previousElementSibling;
                row.parentNode.removeChild(row);
                (next ? next.querySelector('input') : byId('mandate-charter-member-add')).focus();
            }
        });
        if (!form.querySelector('.mandate-charter-member-row')) {
            addRow(false);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
