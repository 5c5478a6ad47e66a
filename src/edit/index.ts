// The editing side of a minutes repository: the commands that create and change its files.

export { initRepository, type InitResult } from './init.js';
export { createMeeting, type CreatedMeeting } from './new-meeting.js';
export { refreshCarried, type CarryResult } from './carry.js';
