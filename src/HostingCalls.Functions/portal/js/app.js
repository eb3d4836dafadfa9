// The portal's start: who the caller is, the language, and which pages to show. No inline script anywhere: the
// Content-Security-Policy allows scripts from this origin only.
import { session, takeInvitationFromLink, whoAmI } from './api.js';
import { h, show } from './dom.js';
import { initialLanguage, languages, setLanguage, t } from './i18n.js';
import { openCalls, renderFocal } from './focal.js';
import { renderSecretariat } from './secretariat.js';

const main = document.getElementById('main');
let me = { role: 'Anonymous' };

function signInPage() {
  const back = encodeURIComponent(`${location.pathname}#/`);
  return show(main, t('app.welcome'),
    h('p', {}, t('app.focalPointHelp')),
    h('p', {}, h('a', { class: 'button', href: `/.auth/login/aad?post_login_redirect_uri=${back}` }, t('app.secretariatSignIn'))));
}

function renderNav() {
  const nav = document.getElementById('nav');
  const links = [h('a', { href: '#/' }, me.role === 'MemberState' ? t('focal.openCalls') : t('sec.calls'))];
  if (['Secretariat', 'Reviewer', 'SignedIn'].includes(me.role) && !session.actAs) links.push(h('a', { href: '/.auth/logout' }, t('app.signOut')));
  nav.replaceChildren(...links);
  const who = me.role === 'MemberState' ? `${t('role.MemberState')} ${me.memberState ?? ''}` : t(`role.${me.role}`);
  document.getElementById('who').textContent = who;
}

// A hand-edited address with a stray '%' is read as typed rather than stopping the page.
function decodePart(part) {
  try { return decodeURIComponent(part); } catch { return part; }
}

async function render() {
  me = await whoAmI();
  renderNav();
  const parts = (location.hash.replace(/^#/, '') || '/').split('/').map(decodePart);
  if (me.role === 'Secretariat' || me.role === 'Reviewer') return renderSecretariat(main, me, parts);
  if (me.role === 'MemberState') return renderFocal(main, me, parts);
  if (me.invitationRefused !== undefined) return show(main, t('app.invitationRefused'), h('p', {}, t('app.invitationRefusedHelp')), h('p', { class: 'hint' }, me.invitationRefused));
  if (parts[1] === 'calls') return openCalls(main);
  return signInPage();
}

// One page at a time: a route started later (a click while a page still loads) renders after, and so wins.
let routing = Promise.resolve();
function route() {
  routing = routing.then(render, render);
  return routing;
}

function setUpLanguage() {
  const select = document.getElementById('language');
  select.replaceChildren(...languages.map(([code, name]) => h('option', { value: code, lang: code }, name)));
  select.value = document.documentElement.lang;
  select.addEventListener('change', async () => {
    await setLanguage(select.value);
    await route();
  });
}

// Development only: the API honours the header only where DevelopmentCaller__Enabled is on, never in Azure.
function setUpActAs() {
  const form = document.getElementById('act-as-form');
  if (!new URLSearchParams(location.search).has('dev')) return;
  form.hidden = false;
  const input = document.getElementById('act-as');
  input.value = session.actAs ?? '';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    session.actAs = input.value.trim();
    await route();
  });
}

// The skip link moves focus to the content without touching the address, which holds the page's route.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

await takeInvitationFromLink();
await setLanguage(initialLanguage());
setUpLanguage();
setUpActAs();
window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) route();
});
await route();
