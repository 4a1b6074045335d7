/**
 * Sends the window's first calls as this module is evaluated (renderer/api/firstCalls.ts). main.tsx imports
 * it before anything else, so that it runs before React and the app's modules are evaluated.
 */
import { sendFirstCalls } from './api/firstCalls';

sendFirstCalls();
