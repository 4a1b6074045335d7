/**
 * Sends the window's first calls as this module is evaluated (renderer/api/firstCalls.ts). The built page
 * runs it as a script of its own, `async`, ahead of the app's entry (vite.config.ts puts it there), so the
 * calls leave as soon as this small script has arrived rather than once the app's code is parsed and
 * evaluated. main.tsx imports it too, first: the same module, evaluated once, and the only way in when
 * the page is served by Vite's development server.
 */
import { sendFirstCalls } from './api/firstCalls';

sendFirstCalls();
