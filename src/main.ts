import './components/dm-app.js';
