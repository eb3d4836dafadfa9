// The secretariat and reviewers: calls and their state, counts while sealed, the ranking with its reasons, the
// what-if, reviews, the decision, notifications, the audit trail and the CSV export.
import { api, download } from './api.js';
import { announce, facts, h, section, show, table } from './dom.js';
import { field, problemNotice, readForm, showProblem } from './forms.js';
import { instant, languages, number, ownTimeZone, t } from './i18n.js';

const recentKey = 'hostingcalls.recentCalls';
const ranked = new Set(['Ranked', 'Decided', 'Announced']);
const sealed = new Set(['Draft', 'Open']);
const criteria = ['Venue', 'Logistics', 'Security', 'Overall'];
const weightNames = ['costCoverage', 'venueAndLogistics', 'dateFit', 'access', 'reviewers'];

const recent = () => JSON.parse(localStorage.getItem(recentKey) ?? '[]');
function remember(call) {
  const list = [{ id: call.id, title: call.title }, ...recent().filter((c) => c.id !== call.id)].slice(0, 10);
  localStorage.setItem(recentKey, JSON.stringify(list));
}

export async function renderSecretariat(main, me, route) {
  const [, page, callId] = route;
  if (page === 'call' && callId) return callPage(main, callId, me);
  return home(main);
}

async function home(main) {
  // The secretariat sees every call by state; a reviewer, who may not, the open ones.
  const every = await api('GET', 'calls?status=all');
  const open = every.ok ? every : await api('GET', 'calls');
  const find = h('form', { 'aria-label': t('sec.findCall') },
    field(t('sec.callId'), 'callId', { required: true }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sec.openCall'))));
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = find.querySelector('[name=callId]').value.trim();
    if (id) location.hash = `#/call/${encodeURIComponent(id)}`;
  });
  const link = (c) => h('a', { href: `#/call/${encodeURIComponent(c.id)}` }, c.title);
  return show(main, t('sec.calls'),
    section(every.ok ? t('sec.allCalls') : t('sec.openCalls'), open.ok && open.data.length
      ? table(every.ok ? t('sec.allCalls') : t('sec.openCalls'), [t('meeting.title'), t('call.status'), t('call.deadline'), t('sec.rankingVersion')],
        open.data.map((c) => [link(c), t(`status.${c.status}`), instant(c.deadline, c.timeZone), c.ranking ? String(c.ranking.version) : '—']))
      : h('p', {}, t('focal.noOpenCalls'))),
    section(t('sec.recentCalls'), recent().length ? h('ul', {}, recent().map((c) => h('li', {}, link(c), ` (${c.id})`))) : h('p', {}, t('sec.noRecent'))),
    section(t('sec.findCall'), find));
}

async function callPage(main, callId, me) {
  const id = encodeURIComponent(callId);
  const call = await api('GET', `calls/${id}`);
  if (!call.ok) return show(main, t('sec.call'), problemNotice(call));
  const c = call.data;
  if (c.createdBy) remember(c);
  const reload = () => callPage(main, callId, me);
  const parts = [
    facts([
      [t('call.status'), t(`status.${c.status}`)],
      [t('call.deadlineInCallZone', { zone: c.timeZone }), instant(c.deadline, c.timeZone)],
      [t('call.deadlineInYourZone', { zone: ownTimeZone() }), instant(c.deadline)],
      [t('call.resultsDate'), instant(c.resultsDate, c.timeZone)],
      [t('sec.rankingVersion'), c.ranking ? String(c.ranking.version) : null],
      [t('sec.fundingGap'), c.fundingGapUsd ? `USD ${number(c.fundingGapUsd)}` : null],
    ]),
  ];
  if (c.status === 'Open') parts.push(await invitationsSection(id, reload));
  if (sealed.has(c.status)) parts.push(await countsSection(id));
  else if (c.status !== 'Cancelled' && me.role === 'Secretariat') parts.push(await contactsSection(id, reload));
  let ranking = null;
  if (ranked.has(c.status)) {
    const result = await api('GET', `calls/${id}/ranking`);
    ranking = result.ok ? result.data : null;
    parts.push(section(t('sec.ranking'),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: async () => {
        announce((await download(`calls/${id}/ranking/csv`, `ranking-${callId}.csv`)) ? t('sec.csvDone') : t('errors.failed', { status: '' }));
      } }, t('sec.exportCsv'))),
      ranking ? rankingView(ranking, (offer) => reviewPanel(id, offer, me, reload)) : problemNotice(result)));
    if (ranking && c.status === 'Ranked') parts.push(whatIfSection(id, c), decisionSection(id, c, call.etag, ranking, reload));
  }
  if (c.decision) parts.push(decisionView(c, ranking));
  if (['Decided', 'Announced'].includes(c.status)) parts.push(await notificationsSection(id, reload));
  parts.push(await auditSection(id));
  return show(main, c.title, parts);
}

async function invitationsSection(id, reload) {
  const list = await api('GET', `calls/${id}/invitations`);
  const form = h('form', { 'aria-label': t('sec.invite') },
    field(t('offer.memberState'), 'memberState', { required: true, hint: t('sec.memberStateHint'), attrs: { maxlength: 3, autocapitalize: 'characters' } }),
    field(t('offer.focalPointName'), 'name', {}),
    field(t('offer.focalPointEmail'), 'email', { type: 'email', required: true }),
    field(t('offer.focalPointLanguage'), 'language', { value: 'en', choices: languages }),
    field(t('offer.permanentMissionEmail'), 'permanentMissionEmail', { type: 'email' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sec.invite'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', `calls/${id}/invitations`, { json: readForm(form) });
    if (!result.ok) return showProblem(form, result.data, result.status);
    announce(t('sec.invited', { state: result.data.memberState }));
    return reload();
  });
  const rows = (list.ok ? list.data : []).map((i) => [i.memberState, i.name ?? '', i.email, i.permanentMissionEmail ?? '', t(`invitationStatus.${i.status}`),
    i.notificationStatus ? t(`notificationStatus.${i.notificationStatus}`) : '—', instant(i.expiresAt),
    i.status === 'Active' ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      const result = await api('POST', `calls/${id}/invitations/${encodeURIComponent(i.id)}/revoke`, { etag: i.etag });
      announce(result.ok ? t('sec.revoked', { state: i.memberState }) : (result.data?.detail ?? t('errors.failed', { status: result.status })));
      await reload();
    } }, t('sec.revoke', { state: i.memberState })) : '']);
  return section(t('sec.invitations'),
    list.ok ? (rows.length ? table(t('sec.invitations'), [t('offer.memberState'), t('offer.focalPointName'), t('offer.focalPointEmail'), t('offer.permanentMissionEmail'), t('offer.status'), t('sec.email'), t('sec.expiresAt'), ''], rows)
      : h('p', {}, t('sec.noInvitations'))) : problemNotice(list),
    form);
}

// Addresses typed into offers: shown, but mailed only once the secretariat confirms them (POST …/contacts/confirm);
// emails otherwise go to the addresses on the state's invitation.
async function contactsSection(id, reload) {
  const [offers, invitations] = await Promise.all([api('GET', `calls/${id}/offers`), api('GET', `calls/${id}/invitations`)]);
  if (!offers.ok) return section(t('sec.contacts'), problemNotice(offers));
  const recorded = (state) => new Set((invitations.ok ? invitations.data : []).filter((i) => i.memberState === state)
    .flatMap((i) => [i.email, i.permanentMissionEmail, ...(i.confirmedEmails ?? [])]).filter(Boolean).map((e) => e.toLowerCase()));
  const cell = (o, email) => {
    if (!email) return '—';
    if (recorded(o.memberState).has(email.toLowerCase())) return h('span', {}, email, ' ', h('span', { 'data-contact': 'recorded' }, `(${t('sec.contactRecorded')})`));
    return h('span', {}, email, ' ', h('span', { 'data-contact': 'typed' }, `(${t('sec.contactNotMailed')})`), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        const result = await api('POST', `calls/${id}/offers/${encodeURIComponent(o.id)}/contacts/confirm`, { etag: o.etag, json: { emails: [email] } });
        announce(result.ok ? t('sec.contactConfirmed', { email }) : (result.data?.detail ?? t('errors.failed', { status: result.status })));
        await reload();
      } }, t('sec.confirmContact', { email })));
  };
  const rows = offers.data.map((o) => [o.memberState, o.meetingId, cell(o, o.focalPoint.email), cell(o, o.permanentMissionEmail)]);
  return section(t('sec.contacts'), h('p', {}, t('sec.contactsIntro')),
    rows.length ? table(t('sec.contacts'), [t('offer.memberState'), t('meeting.id'), t('offer.focalPointEmail'), t('offer.permanentMissionEmail')], rows) : null);
}

async function countsSection(id) {
  const counts = await api('GET', `calls/${id}/offer-counts`);
  if (!counts.ok) return section(t('sec.counts'), problemNotice(counts));
  return section(t('sec.counts'),
    h('p', {}, t('sec.countsIntro', { active: counts.data.active, withdrawn: counts.data.withdrawn, states: counts.data.memberStates })),
    table(t('sec.counts'), [t('meeting.id'), t('sec.activeOffers')], counts.data.meetings.map((m) => [m.meetingId, number(m.active)])));
}

const score = (value) => (value === null || value === undefined ? t('sec.absent') : number(value, 4));

function rankingView(ranking, reviewButton) {
  return h('div', {},
    h('p', {}, t('sec.rankingIntro', { version: ranking.version, judged: ranking.offersJudged, withdrawn: ranking.offersWithdrawn, at: instant(ranking.computedAt) })),
    ranking.meetings.map((m) => h('div', { 'data-meeting': m.meetingId },
      h('h3', {}, `${m.meetingId} — ${m.title}`),
      h('p', {}, m.summary),
      m.eligible.length === 0 ? null : table(t('sec.rankingOf', { meeting: m.meetingId }),
        [t('sec.rank'), t('offer.memberState'), t('offer.city'), t('sec.score'), t('weights.costCoverage'), t('weights.venueAndLogistics'), t('weights.dateFit'), t('weights.access'), t('weights.reviewers'), t('sec.outcome'), t('sec.reason'), ''],
        m.eligible.map((o) => [String(o.rank), o.memberStateName, o.city, score(o.score), score(o.components.costCoverage), score(o.components.venueAndLogistics),
          score(o.components.dateFit), score(o.components.access), `${score(o.components.reviewers)} (${o.reviewCount})`,
          t(`outcome.${o.outcome}`, { place: o.reservePlace ?? '' }), o.reason, reviewButton ? reviewButton(o) : ''])),
      m.ineligible.length ? table(t('sec.ineligibleOf', { meeting: m.meetingId }), [t('offer.memberState'), t('offer.city'), t('sec.failedGates')],
        m.ineligible.map((o) => [o.memberStateName, o.city, h('ul', {}, o.failures.map((f) => h('li', {}, `${t(`warnings.${f.gate}`)}: ${f.reason}`)))])) : null)),
    ranking.funding ? h('p', {}, t('sec.funding', { covered: number(ranking.funding.coveredUsd), gap: number(ranking.funding.gapUsd), remaining: number(ranking.funding.remainingGapUsd) })) : null);
}

function reviewPanel(id, offer, me, reload) {
  const holder = h('div', {});
  const open = async () => {
    const base = `calls/${id}/offers/${encodeURIComponent(offer.offerId)}/reviews`;
    const existing = await api('GET', base);
    const list = existing.ok ? existing.data : [];
    const own = list.find((r) => r.reviewerId === me.id);
    const form = h('form', { 'aria-label': t('sec.reviewOf', { state: offer.memberStateName }) },
      criteria.map((criterion) => h('fieldset', {}, h('legend', {}, t(`criteria.${criterion}`)),
        field(t('sec.scoreOneToFive'), `${criterion}.score`, { required: true, value: own?.scores.find((s) => s.criterion === criterion)?.score ?? '', choices: [['', '—'], ...[1, 2, 3, 4, 5].map((n) => [n, String(n)])] }),
        field(t('sec.comment'), `${criterion}.comment`, { type: 'textarea', value: own?.scores.find((s) => s.criterion === criterion)?.comment }))),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sec.saveReview'))));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = readForm(form);
      const scores = criteria.map((criterion, index) => ({ criterion, score: Number(values[criterion]?.score ?? 0), comment: values[criterion]?.comment, index }));
      const result = await api('PUT', `${base}/mine`, { json: { scores: scores.map(({ index, ...s }) => s) }, etag: own?.etag });
      if (!result.ok) {
        // The API names fields scores[0].score; show them on the criterion's own control.
        const errors = Object.fromEntries(Object.entries(result.data?.errors ?? {}).map(([name, messages]) => {
          const match = /^scores\[(\d)\]\.?(\w*)/.exec(name);
          return [match ? `${criteria[Number(match[1])]}.${match[2] || 'score'}` : name, messages];
        }));
        return showProblem(form, { ...result.data, errors }, result.status);
      }
      announce(t('sec.reviewSaved', { version: result.data.rankingVersion ?? '' }));
      return reload();
    });
    holder.replaceChildren(
      list.length ? table(t('sec.reviewsOf', { state: offer.memberStateName }), [t('sec.reviewer'), ...criteria.map((c) => t(`criteria.${c}`)), t('sec.mean')],
        list.map((r) => [`${r.reviewerId} (${r.reviewerNationality})`, ...criteria.map((c) => String(r.scores.find((s) => s.criterion === c)?.score ?? '')), number(r.mean, 2)])) : h('p', {}, t('sec.noReviews')),
      form);
    form.querySelector('select')?.focus();
  };
  return h('div', {}, h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: (event) => { event.currentTarget.setAttribute('aria-expanded', 'true'); open(); } },
    t('sec.review', { state: offer.memberStateName })), holder);
}

function whatIfSection(id, call) {
  const output = h('div', { 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': t('sec.whatIf') },
    h('fieldset', {}, h('legend', {}, t('sec.weights')),
      weightNames.map((name) => field(t(`weights.${name}`), `weights.${name}`, { type: 'number', required: true, value: call.weights[name], attrs: { min: 0, max: 1, step: '0.01' } }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sec.tryWeights'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', `calls/${id}/ranking/what-if`, { json: readForm(form) });
    if (!result.ok) return showProblem(form, result.data, result.status);
    output.replaceChildren(h('h3', {}, t('sec.whatIfResult')), rankingView(result.data, null));
    return undefined;
  });
  return section(t('sec.whatIf'), h('p', { class: 'hint' }, t('sec.whatIfHint')), form, output);
}

function decisionSection(id, call, etag, ranking, reload) {
  const form = h('form', { 'aria-label': t('sec.decision') },
    ranking.meetings.map((m) => h('fieldset', { 'data-meeting': m.meetingId }, h('legend', {}, `${m.meetingId} — ${m.title}`),
      field(t('sec.host'), `host.${m.meetingId}`, {
        value: m.hostOfferId ?? '',
        choices: [[m.hostOfferId ?? '', m.hostOfferId ? `${t('sec.recommended')}: ${m.eligible.find((o) => o.offerId === m.hostOfferId)?.memberStateName ?? m.hostOfferId}` : t('sec.noHost')],
          ...m.eligible.filter((o) => o.offerId !== m.hostOfferId).map((o) => [o.offerId, `${o.memberStateName} (${o.city}, ${number(o.score, 4)})`])],
      }),
      field(t('sec.justification'), `justification.${m.meetingId}`, { type: 'textarea', hint: t('sec.justificationHint') }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('sec.decide'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const overrides = ranking.meetings
      .filter((m) => (form.querySelector(`[name="host.${m.meetingId}"]`).value || null) !== (m.hostOfferId ?? null))
      .map((m) => ({ meetingId: m.meetingId, offerId: form.querySelector(`[name="host.${m.meetingId}"]`).value, justification: form.querySelector(`[name="justification.${m.meetingId}"]`).value }));
    const result = await api('POST', `calls/${id}/decision`, { json: { rankingVersion: ranking.version, overrides }, etag });
    if (!result.ok) {
      // overrides[0].justification → the justification of that override's meeting
      const errors = Object.fromEntries(Object.entries(result.data?.errors ?? {}).map(([name, messages]) => {
        const match = /^overrides\[(\d+)\]\.?(\w*)/.exec(name);
        const meeting = match ? overrides[Number(match[1])]?.meetingId : null;
        return [meeting ? `${match[2] === 'justification' ? 'justification' : 'host'}.${meeting}` : name, messages];
      }));
      return showProblem(form, { ...result.data, errors }, result.status);
    }
    announce(t('sec.decided'));
    return reload();
  });
  return section(t('sec.decision'), h('p', { class: 'hint' }, t('sec.decisionHint')), form);
}

function decisionView(call, ranking) {
  const name = (offerId) => ranking?.meetings.flatMap((m) => [...m.eligible]).find((o) => o.offerId === offerId)?.memberStateName ?? offerId ?? '—';
  return section(t('sec.decisionTaken'),
    h('p', {}, t('sec.decidedAt', { at: instant(call.decision.decidedAt), by: call.decision.decidedBy, version: call.decision.rankingVersion })),
    table(t('sec.decisionTaken'), [t('meeting.id'), t('sec.host'), t('sec.recommended'), t('sec.justification'), t('sec.reserves'), t('sec.hostResponse')],
      call.decision.meetings.map((m) => [m.meetingId, name(m.hostOfferId), name(m.recommendedOfferId), m.justification ?? '—',
        m.reserves.map((r, i) => `${i + 1}. ${name(r.offerId)}`).join(', ') || '—', m.response ? t(`hostResponse.${m.response}`) : '—'])));
}

async function notificationsSection(id, reload) {
  const result = await api('GET', `calls/${id}/notifications`);
  if (!result.ok) return section(t('sec.notifications'), problemNotice(result));
  const rows = result.data.map((n) => [t(`notificationKind.${n.kind}`), n.offerId ?? '—', h('span', { 'data-status': n.status }, t(`notificationStatus.${n.status}`)), String(n.attempts),
    n.sentAt ? instant(n.sentAt) : '—', n.lastError ?? '',
    ['Failed', 'Unconfirmed'].includes(n.status) ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
      const redo = await api('POST', `calls/${id}/notifications/${encodeURIComponent(n.id)}/redrive`, { etag: n.etag });
      announce(redo.ok ? t('sec.redriven') : (redo.data?.detail ?? t('errors.failed', { status: redo.status })));
      await reload();
    } }, t('sec.redrive')) : '']);
  const counts = result.data.reduce((all, n) => ({ ...all, [n.status]: (all[n.status] ?? 0) + 1 }), {});
  return section(t('sec.notifications'),
    h('p', {}, Object.entries(counts).map(([status, count]) => `${t(`notificationStatus.${status}`)}: ${count}`).join(' · ') || t('sec.noNotifications')),
    rows.length ? table(t('sec.notifications'), [t('sec.kind'), t('offer.id'), t('offer.status'), t('sec.attempts'), t('sec.sentAt'), t('sec.lastError'), ''], rows) : null);
}

// The audit trail (GET …/audit, a page of entries in chain order; …/audit/verification): "not available" on a
// server without it.
async function auditSection(id) {
  const result = await api('GET', `calls/${id}/audit?limit=500`);
  if (result.status === 404 && !result.data?.detail) return section(t('sec.audit'), h('p', {}, t('sec.auditUnavailable')));
  if (!result.ok) return section(t('sec.audit'), problemNotice(result));
  const entries = result.data?.entries ?? [];
  const verifyOutput = h('p', { 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const check = await api('GET', `calls/${id}/audit/verification`);
    if (check.status === 404 && !check.data?.detail) { verifyOutput.textContent = t('sec.auditVerifyUnavailable'); return; }
    verifyOutput.textContent = check.ok && check.data?.ok === true
      ? t('sec.auditValid', { count: check.data.count })
      : `${t('sec.auditInvalid')} ${check.data?.brokenAt ? `#${check.data.brokenAt.sequence}: ${check.data.brokenAt.reason}` : (check.data?.detail ?? '')}`;
  } }, t('sec.auditVerify'));
  const actor = (a) => (a && typeof a === 'object' ? `${a.role} ${a.id}` : String(a ?? ''));
  const details = (d) => Object.entries(d ?? {}).map(([k, v]) => `${k}: ${v}`).join('; ');
  return section(t('sec.audit'),
    h('p', {}, t('sec.auditCount', { shown: entries.length, count: result.data?.count ?? entries.length })),
    table(t('sec.audit'), ['#', t('sec.auditAt'), t('sec.auditActor'), t('sec.auditAction'), t('sec.auditSubject')],
      entries.map((e) => (e.unreadable
        ? [String(e.sequence), '', '', t('sec.auditUnreadable'), e.unreadable]
        : [String(e.sequence), instant(e.at), actor(e.actor), String(e.action), [e.subject ?? '', e.details && Object.keys(e.details).length ? ` (${details(e.details)})` : '']]))),
    h('div', { class: 'actions' }, verify), verifyOutput);
}
