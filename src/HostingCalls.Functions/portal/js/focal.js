// A Member State's focal point: the call and its meetings, their offers, the offer form, attachments and the result.
import { api, download } from './api.js';
import { announce, facts, h, section, show, table } from './dom.js';
import { clearMessages, field, markWarnings, problemNotice, readForm, showProblem } from './forms.js';
import { date, instant, languages, number, ownTimeZone, t } from './i18n.js';

const editable = new Set(['Submitted', 'Revised']);
const results = new Set(['Eligible', 'Ineligible', 'Selected', 'Reserve', 'NotSelected']);

export async function renderFocal(main, me, route) {
  const [, page, callId, part, offerId] = route;
  if (page === 'call' && callId && part === 'offer' && offerId === 'new') return offerForm(main, callId);
  if (page === 'call' && callId && part === 'offer' && offerId) return offerPage(main, callId, offerId);
  if (page === 'call' && callId) return callPage(main, callId);
  if (me.callId) {
    location.hash = `#/call/${encodeURIComponent(me.callId)}`;
    return undefined;
  }
  return openCalls(main);
}

export async function openCalls(main) {
  const calls = await api('GET', 'calls');
  if (!calls.ok) return show(main, t('focal.openCalls'), problemNotice(calls));
  const list = calls.data.length
    ? h('ul', {}, calls.data.map((call) => h('li', {}, h('a', { href: `#/call/${encodeURIComponent(call.id)}` }, call.title), ' — ',
      t('call.deadline'), ': ', instant(call.deadline, call.timeZone))))
    : h('p', {}, t('focal.noOpenCalls'));
  return show(main, t('focal.openCalls'), list);
}

function deadlineFacts(call) {
  return facts([
    [t('call.status'), t(`status.${call.status}`)],
    [t('call.deadlineInCallZone', { zone: call.timeZone }), instant(call.deadline, call.timeZone)],
    [t('call.deadlineInYourZone', { zone: ownTimeZone() }), instant(call.deadline)],
    [t('call.gracePeriod'), call.gracePeriodMinutes ? t('call.minutes', { count: call.gracePeriodMinutes }) : null],
    [t('call.resultsDate'), `${instant(call.resultsDate, call.timeZone)} · ${instant(call.resultsDate)}`],
  ]);
}

function meetingsTable(call) {
  return table(t('call.meetings'), [t('meeting.id'), t('meeting.title'), t('meeting.kind'), t('meeting.window'), t('meeting.region'), t('meeting.participants')],
    call.meetings.map((m) => [m.id, m.title, t(`kind.${m.kind}`), `${date(m.windowStart)} – ${date(m.windowEnd)}`, m.regionName ?? '—', number(m.participants)]));
}

async function callPage(main, callId) {
  const [call, offers] = await Promise.all([api('GET', `calls/${encodeURIComponent(callId)}`), api('GET', `calls/${encodeURIComponent(callId)}/offers`)]);
  if (!call.ok) return show(main, t('focal.call'), problemNotice(call));
  const mine = offers.ok ? offers.data : [];
  const canSubmit = call.data.status === 'Open';
  return show(main, call.data.title,
    call.data.description ? h('p', {}, call.data.description) : null,
    deadlineFacts(call.data),
    meetingsTable(call.data),
    section(t('focal.yourOffers'),
      mine.length
        ? table(t('focal.yourOffers'), [t('offer.id'), t('offer.meeting'), t('offer.status'), t('offer.version'), t('offer.updatedAt')],
          mine.map((o) => [h('a', { href: `#/call/${encodeURIComponent(callId)}/offer/${encodeURIComponent(o.id)}` }, o.id), o.meetingId, t(`status.${o.status}`), String(o.version), instant(o.updatedAt)]))
        : h('p', {}, t('focal.noOffers')),
      canSubmit ? h('p', {}, h('a', { class: 'button', href: `#/call/${encodeURIComponent(callId)}/offer/new` }, t('focal.newOffer'))) : null));
}

/** Every field of an offer, filled from <paramref name="offer"/> when revising. */
function offerFields(call, offer) {
  const o = offer ?? {};
  const yes = (value) => value === true;
  return [
    h('fieldset', {}, h('legend', {}, t('offer.meetingAndPlace')),
      field(t('offer.meeting'), 'meetingId', { required: true, value: o.meetingId, choices: [['', t('offer.chooseMeeting')], ...call.meetings.map((m) => [m.id, `${m.id} — ${m.title}`])] }),
      field(t('offer.city'), 'city', { required: true, value: o.city }),
      field(t('offer.datesStart'), 'proposedDates.start', { type: 'date', required: true, value: o.proposedDates?.start }),
      field(t('offer.datesEnd'), 'proposedDates.end', { type: 'date', required: true, value: o.proposedDates?.end })),
    h('fieldset', {}, h('legend', {}, t('offer.venue')),
      field(t('offer.venueName'), 'venue.name', { required: true, value: o.venue?.name }),
      field(t('offer.seats'), 'venue.seats', { type: 'number', required: true, value: o.venue?.seats, attrs: { min: 1 } }),
      field(t('offer.stepFreeAccess'), 'venue.stepFreeAccess', { type: 'checkbox', value: yes(o.venue?.stepFreeAccess) }),
      field(t('offer.hybridFacilities'), 'venue.hybridFacilities', { type: 'checkbox', value: yes(o.venue?.hybridFacilities) }),
      field(t('offer.interpretationBooths'), 'venue.interpretationBooths', { type: 'number', value: o.venue?.interpretationBooths ?? 0, attrs: { min: 0 } }),
      field(t('offer.venueDescription'), 'venue.description', { type: 'textarea', value: o.venue?.description })),
    h('fieldset', {}, h('legend', {}, t('offer.access')),
      field(t('offer.nearestAirport'), 'access.nearestAirport', { required: true, value: o.access?.nearestAirport, hint: t('offer.nearestAirportHint'), attrs: { maxlength: 3, autocapitalize: 'characters' } }),
      field(t('offer.airportDistanceKm'), 'access.airportDistanceKm', { type: 'number', required: true, value: o.access?.airportDistanceKm, attrs: { min: 0 } }),
      field(t('offer.visaFacilitation'), 'access.visaFacilitation', { type: 'checkbox', value: yes(o.access?.visaFacilitation) }),
      field(t('offer.visaNotes'), 'access.visaNotes', { type: 'textarea', value: o.access?.visaNotes }),
      field(t('offer.security'), 'security', { type: 'textarea', value: o.security })),
    h('fieldset', {}, h('legend', {}, t('offer.coverage')),
      ['venue', 'interpretation', 'catering', 'localTransport', 'accommodation', 'participantTravel']
        .map((item) => field(t(`coverage.${item}`), `coverage.${item}`, { type: 'checkbox', value: yes(o.coverage?.[item]) })),
      field(t('offer.cashUsd'), 'coverage.cashUsd', { type: 'number', value: o.coverage?.cashUsd ?? 0, attrs: { min: 0, step: '0.01' } })),
    h('fieldset', {}, h('legend', {}, t('offer.commitment')),
      field(t('offer.hostCountryAgreement'), 'hostCountryAgreement', { type: 'checkbox', value: yes(o.hostCountryAgreement), hint: t('offer.hostCountryAgreementHint') })),
    h('fieldset', {}, h('legend', {}, t('offer.focalPoint')),
      field(t('offer.focalPointName'), 'focalPoint.name', { required: true, value: o.focalPoint?.name, attrs: { autocomplete: 'name' } }),
      field(t('offer.focalPointEmail'), 'focalPoint.email', { type: 'email', required: true, value: o.focalPoint?.email, attrs: { autocomplete: 'email' } }),
      field(t('offer.focalPointLanguage'), 'focalPoint.language', { value: o.focalPoint?.language ?? 'en', choices: languages }),
      field(t('offer.permanentMissionEmail'), 'permanentMissionEmail', { type: 'email', value: o.permanentMissionEmail, hint: t('offer.contactHint') })),
  ];
}

function offerFormElement(call, offer, onSubmit) {
  const form = h('form', { novalidate: true, 'aria-label': offer ? t('offer.revise') : t('offer.submit') },
    offerFields(call, offer),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, offer ? t('offer.revise') : t('offer.submit'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await onSubmit(form);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function offerForm(main, callId) {
  const call = await api('GET', `calls/${encodeURIComponent(callId)}`);
  if (!call.ok) return show(main, t('focal.newOffer'), problemNotice(call));
  // One key per form: a double submit returns the same offer. (randomUUID needs https; getRandomValues does not.)
  const idempotencyKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const form = offerFormElement(call.data, null, async (element) => {
    const result = await api('POST', `calls/${encodeURIComponent(callId)}/offers`, { json: readForm(element), idempotencyKey });
    if (!result.ok) return showProblem(element, result.data, result.status);
    announce(t('offer.submitted'));
    location.hash = `#/call/${encodeURIComponent(callId)}/offer/${encodeURIComponent(result.data.id)}`;
    return undefined;
  });
  return show(main, t('focal.newOffer'), deadlineFacts(call.data), form);
}

function receipt(offer) {
  return section(t('offer.receipt'), facts([
    [t('offer.id'), offer.id],
    [t('offer.memberState'), offer.memberState],
    [t('offer.meeting'), offer.meetingId],
    [t('offer.status'), t(`status.${offer.status}`)],
    [t('offer.version'), String(offer.version)],
    [t('offer.submittedAt'), instant(offer.submittedAt)],
    [t('offer.updatedAt'), instant(offer.updatedAt)],
    [t('offer.withdrawnAt'), offer.withdrawnAt ? instant(offer.withdrawnAt) : null],
  ]));
}

function warningsBox(offer) {
  if (!offer.warnings.length) return editable.has(offer.status) ? h('div', { class: 'notice' }, t('offer.noWarnings')) : null;
  return h('div', { class: 'warnings', role: 'region', 'aria-label': t('offer.warnings') },
    h('h2', {}, t('offer.warnings')),
    h('p', {}, t('offer.warningsIntro')),
    h('ul', {}, offer.warnings.map((w) => h('li', { 'data-code': w.code }, h('strong', {}, t(`warnings.${w.code}`)), ': ', w.message))));
}

function attachmentsSection(callId, offer, state, reload) {
  const base = `calls/${encodeURIComponent(callId)}/offers/${encodeURIComponent(offer.id)}/attachments`;
  const rows = offer.attachments.map((a) => [a.fileName, t(`attachment.${a.kind}`), a.contentType, number(a.size),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => download(`${base}/${encodeURIComponent(a.id)}`, a.fileName) }, t('attachment.download', { name: a.fileName })),
      editable.has(offer.status) ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
        const result = await api('DELETE', `${base}/${encodeURIComponent(a.id)}`, { etag: state.etag });
        if (result.ok) { announce(t('attachment.removed')); await reload(); } else announce(result.data?.detail ?? t('errors.failed', { status: result.status }));
      } }, t('attachment.remove', { name: a.fileName })) : null)]);
  const upload = h('form', { 'aria-label': t('attachment.upload') },
    field(t('attachment.kind'), 'kind', { choices: [['OfficialLetter', t('attachment.OfficialLetter')], ['VenueDescription', t('attachment.VenueDescription')]] }),
    field(t('attachment.file'), 'file', { type: 'file', required: true, hint: t('attachment.fileHint'), attrs: { accept: 'application/pdf,image/png,image/jpeg' } }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('attachment.upload'))));
  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(upload);
    const file = upload.querySelector('[name=file]').files[0];
    if (!file) return showProblem(upload, { title: t('attachment.chooseFile'), errors: { file: [t('attachment.chooseFile')] } }, 400);
    const kind = upload.querySelector('[name=kind]').value;
    const result = await api('POST', `${base}?kind=${encodeURIComponent(kind)}`, { body: file, fileName: file.name, etag: state.etag });
    if (!result.ok) return showProblem(upload, result.data, result.status);
    announce(t('attachment.uploaded', { name: file.name }));
    return reload();
  });
  return section(t('attachment.title'),
    rows.length ? table(t('attachment.title'), [t('attachment.fileName'), t('attachment.kind'), t('attachment.type'), t('attachment.size'), ''], rows) : h('p', {}, t('attachment.none')),
    editable.has(offer.status) ? upload : null);
}

function resultSection(callId, offer, call) {
  if (!results.has(offer.status) || call.status !== 'Announced') return null;
  const respond = async (confirm) => {
    const result = await api('POST', `calls/${encodeURIComponent(callId)}/offers/${encodeURIComponent(offer.id)}/host-response`, { json: { confirm } });
    announce(result.ok ? t(confirm ? 'result.confirmed' : 'result.declined') : (result.data?.detail ?? t('errors.failed', { status: result.status })));
  };
  return section(t('result.title'),
    h('p', { class: 'notice', 'data-result': offer.status }, t(`result.${offer.status}`)),
    offer.status === 'Selected' ? h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => respond(true) }, t('result.confirm')),
      h('button', { type: 'button', class: 'danger', onclick: () => respond(false) }, t('result.decline'))) : null);
}

function withdrawSection(callId, offer, state, reload) {
  const confirmButton = h('button', { type: 'button', class: 'danger', hidden: true, onclick: async () => {
    const result = await api('POST', `calls/${encodeURIComponent(callId)}/offers/${encodeURIComponent(offer.id)}/withdraw`, { etag: state.etag });
    if (!result.ok) { announce(result.data?.detail ?? t('errors.failed', { status: result.status })); return; }
    announce(t('offer.withdrawn'));
    await reload();
  } }, t('offer.withdrawConfirm'));
  const first = h('button', { type: 'button', class: 'secondary', onclick: () => { confirmButton.hidden = false; confirmButton.focus(); } }, t('offer.withdraw'));
  return section(t('offer.withdraw'), h('p', { class: 'hint' }, t('offer.withdrawHint')), h('div', { class: 'actions' }, first, confirmButton));
}

async function offerPage(main, callId, offerId) {
  const state = { etag: null };
  const reload = () => offerPage(main, callId, offerId);
  const [call, offer] = await Promise.all([
    api('GET', `calls/${encodeURIComponent(callId)}`),
    api('GET', `calls/${encodeURIComponent(callId)}/offers/${encodeURIComponent(offerId)}`)]);
  if (!offer.ok) return show(main, t('offer.title', { id: offerId }), problemNotice(offer), h('p', {}, h('a', { href: `#/call/${encodeURIComponent(callId)}` }, t('focal.backToCall'))));
  if (!call.ok) return show(main, t('offer.title', { id: offerId }), problemNotice(call));
  state.etag = offer.etag;
  const o = offer.data;
  let revise = null;
  if (editable.has(o.status) && call.data.status === 'Open') {
    const form = offerFormElement(call.data, o, async (element) => {
      const result = await api('PUT', `calls/${encodeURIComponent(callId)}/offers/${encodeURIComponent(offerId)}`, { json: readForm(element), etag: state.etag });
      if (!result.ok) return showProblem(element, result.data, result.status);
      announce(t('offer.revised', { version: result.data.version }));
      return reload();
    });
    markWarnings(form, o.warnings);
    revise = section(t('offer.revise'), form);
  }
  return show(main, t('offer.title', { id: o.id }),
    h('p', {}, h('a', { href: `#/call/${encodeURIComponent(callId)}` }, t('focal.backToCall'))),
    resultSection(callId, o, call.data),
    warningsBox(o),
    receipt(o),
    attachmentsSection(callId, o, state, reload),
    revise,
    editable.has(o.status) && call.data.status === 'Open' ? withdrawSection(callId, o, state, reload) : null);
}
